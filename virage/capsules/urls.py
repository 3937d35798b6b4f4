app_name = "capsules"

urlpatterns: list = []
