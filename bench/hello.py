"""The baseline: the smallest Flask app, served by the same gunicorn settings as the portal.

`gunicorn bench.hello:app`. The portal's throughput is reported as a share of this one's,
because absolute requests per second say more about the machine than about the code.
"""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "<!DOCTYPE html><title>Hello</title><p>Hello, world!</p>"
