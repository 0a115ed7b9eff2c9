"""Fingerprinted, pre-compressed static assets, served from /assets with a year's cache."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Flask, Response, current_app, request, send_from_directory
from werkzeug.exceptions import NotFound

YEAR = 365 * 24 * 3600


def _load_manifest(dist: Path) -> dict[str, str]:
    path = dist / "manifest.json"
    if not path.is_file():
        raise RuntimeError("static/dist is not built: run `make assets` (make run does it)")
    return json.loads(path.read_text())


def asset_url(name: str) -> str:
    return "/assets/" + current_app.extensions["asset_manifest"][name]


def serve_asset(filename: str) -> Response:
    """Serve a built file, gzipped when the browser accepts it and a .gz copy exists."""
    dist = Path(current_app.static_folder)
    fingerprinted = filename in current_app.extensions["asset_files"]
    if not fingerprinted:
        raise NotFound()
    compressed = dist / f"{filename}.gz"
    if "gzip" in request.headers.get("Accept-Encoding", "") and compressed.is_file():
        response = send_from_directory(dist, f"{filename}.gz", max_age=YEAR)
        response.headers["Content-Encoding"] = "gzip"
    else:
        response = send_from_directory(dist, filename, max_age=YEAR)
    response.mimetype = _mimetype(filename)
    response.headers.pop("Content-Disposition", None)
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response


def _mimetype(filename: str) -> str:
    suffix = Path(filename).suffix
    return {
        ".css": "text/css",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".svg": "image/svg+xml",
        ".json": "application/json",
    }.get(suffix, "application/octet-stream")


def init_app(app: Flask) -> None:
    manifest = _load_manifest(Path(app.static_folder))
    app.extensions["asset_manifest"] = manifest
    app.extensions["asset_files"] = frozenset(manifest.values())
    app.view_functions["static"] = serve_asset
    app.jinja_env.globals["asset_url"] = asset_url
