from virage.core.testing.matrix import ALL, Route, only, roles

API_401 = dict.fromkeys(ALL, 401)  # no key: problem details, whoever is signed in

ROUTES = [
    Route("api_keys:list", only(roles("ada"))),
    Route("api_keys:create", only(roles("ada"))),
    Route("api_keys:revoke", dict.fromkeys(ALL, 405), kwargs=lambda w: {"pk": 1}, note="POST only"),
    Route("api-v1:api-root", dict.fromkeys(ALL, 404), note="no index: see the docs"),
    Route("api-v1:openapi-json", dict.fromkeys(ALL, 200)),
    Route("api-v1:openapi-view", dict.fromkeys(ALL, 200)),
    Route("api-v1:program_detail", API_401),
    Route("api-v1:region_list", API_401),
]
