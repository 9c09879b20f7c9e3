"""gunicorn settings read from the repository root: do not announce the server software."""

import gunicorn.http.wsgi

gunicorn.http.wsgi.SERVER = "pasarpadu"  # instead of "gunicorn" in every response's Server header
