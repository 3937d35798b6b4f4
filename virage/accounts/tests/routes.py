from virage.core.testing.matrix import ALL, PERSONA_KEYS, Route, everyone, signed_in

ROUTES = [
    # a signed-in user is sent on to their home page
    Route("accounts:login", {"anonymous": 200, **dict.fromkeys(PERSONA_KEYS, 302)}),
    Route("accounts:logout", everyone(405), note="POST only"),
    Route("accounts:home", signed_in(200)),
    Route("accounts:profile", signed_in(200)),
    Route("accounts:email_change", signed_in(302), note="asks for the password again first"),
    Route("accounts:mfa", signed_in(200)),
    Route("accounts:mfa_setup", signed_in(302), note="asks for the password again first"),
    Route("accounts:mfa_verify", signed_in(302), note="no authenticator yet: sent to set-up"),
    Route("accounts:mfa_recovery", signed_in(405), note="POST only"),
    Route("accounts:mfa_remove", signed_in(405), note="POST only"),
    Route("accounts:reauth", signed_in(200)),
    Route("accounts:password_reset", everyone(200)),
    Route("accounts:password_reset_done", everyone(200)),
    Route("accounts:password_reset_complete", everyone(200)),
    # an invalid token shows the "link no longer valid" page
    Route(
        "accounts:password_reset_confirm",
        dict.fromkeys(ALL, 200),
        kwargs=lambda w: {"uidb64": "MQ", "token": "bad-token"},
    ),
]
