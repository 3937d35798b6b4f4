from virage.core.testing.matrix import ALL, PERSONA_KEYS, Route, only, roles

# no key: 401 problem details; a signed-in session is accepted
API_401 = {"anonymous": 401, **dict.fromkeys(PERSONA_KEYS, 200)}

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
