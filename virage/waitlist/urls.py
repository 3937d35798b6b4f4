app_name = "waitlist"

urlpatterns: list = []
