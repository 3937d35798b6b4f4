from virage.core.testing.matrix import ALL, PERSONA_KEYS, Route, only, roles

# no key: 401 problem details; a signed-in session is accepted
KEY_OR_SESSION = {"anonymous": 401, **dict.fromkeys(PERSONA_KEYS, 200)}
# a business's data: its merchant, its advisor and the admin; others 404 (not 403)
IN_SCOPE = {
    "anonymous": 401,
    **dict.fromkeys(PERSONA_KEYS, 404),
    "marie": 200,
    "antoine": 200,
    "ada": 200,
}

ROUTES = [
    Route("api_keys:list", only(roles("ada"))),
    Route("api_keys:create", only(roles("ada"))),
    Route("api_keys:revoke", dict.fromkeys(ALL, 405), kwargs=lambda w: {"pk": 1}, note="POST only"),
    Route("api-v1:api-root", dict.fromkeys(ALL, 404), note="no index: see the docs"),
    Route("api-v1:openapi-json", dict.fromkeys(ALL, 200)),
    Route("api-v1:openapi-view", dict.fromkeys(ALL, 200)),
    Route("api-v1:program_detail", KEY_OR_SESSION),
    Route("api-v1:region_list", KEY_OR_SESSION),
    Route("api-v1:capsule_list", KEY_OR_SESSION),
    Route("api-v1:session_list", KEY_OR_SESSION),
    Route("api-v1:callback_create", dict.fromkeys(ALL, 405), note="POST only"),
    Route("api-v1:business_plan", IN_SCOPE, kwargs=lambda w: {"business_id": w.marie_business.pk}),
    Route(
        "api-v1:business_diagnostic",
        IN_SCOPE,
        kwargs=lambda w: {"business_id": w.marie_business.pk},
    ),
]

ROUTES += [
    # funders and the admin by session; partners read their region; other roles 403
    Route(
        "api-v1:aggregates_program",
        {"anonymous": 401, **dict.fromkeys(PERSONA_KEYS, 403), "fatou": 200, "ada": 200},
    ),
    Route(
        "api-v1:aggregates_region",
        {
            "anonymous": 401,
            **dict.fromkeys(PERSONA_KEYS, 403),
            "fatou": 200,
            "ada": 200,
            "paul": 200,
            "rita": 404,
        },
        kwargs=lambda w: {"code": "16"},
    ),
]

ROUTES += [
    Route(
        "api-v1:export_businesses",
        {"anonymous": 401, **dict.fromkeys(PERSONA_KEYS, 403), "ada": 200},
    ),
]
