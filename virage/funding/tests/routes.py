from virage.core.testing.matrix import Route, only, roles

ROUTES = [
    Route("funding:budget", only(roles("ada"))),
    Route("funding:expense_add", only(roles("ada"))),
    Route("funding:accrue", only(roles("ada"))),
]
