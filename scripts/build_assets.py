"""Build static/dist: compiled Sass, GOV.UK Frontend's JS, our JS and images, fingerprinted.

Fingerprinted names let browsers keep assets for a year; gzip copies let the app serve them
compressed without compressing on every request. manifest.json maps each logical name to its
fingerprinted file, and portal/assets.py reads it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "static" / "dist"
FRONTEND = ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk"
COMPRESSIBLE = {".css", ".js", ".mjs", ".svg", ".json", ".map"}


def fingerprint(name: str, content: bytes, manifest: dict[str, str]) -> None:
    digest = hashlib.sha256(content).hexdigest()[:12]
    stem, dot, ext = name.partition(".")
    hashed = f"{stem}.{digest}{dot}{ext}"
    (DIST / hashed).parent.mkdir(parents=True, exist_ok=True)
    (DIST / hashed).write_bytes(content)
    if Path(name).suffix in COMPRESSIBLE:
        (DIST / f"{hashed}.gz").write_bytes(gzip.compress(content, 9, mtime=0))
    manifest[name] = hashed


def compile_sass() -> bytes:
    sass = ROOT / "node_modules" / ".bin" / "sass"
    out = DIST / "_main.css"
    subprocess.run(
        [
            str(sass),
            "--load-path=node_modules",
            "--style=compressed",
            "--no-source-map",
            "--quiet-deps",
            "static/scss/main.scss",
            str(out),
        ],
        cwd=ROOT,
        check=True,
    )
    content = out.read_bytes()
    out.unlink()
    return content


def main() -> int:
    if not FRONTEND.is_dir():
        print("node_modules/govuk-frontend is missing: run `npm ci` first", file=sys.stderr)
        return 1
    shutil.rmtree(DIST, ignore_errors=True)
    DIST.mkdir(parents=True)
    manifest: dict[str, str] = {}
    fingerprint("main.css", compile_sass(), manifest)
    fingerprint(
        "govuk-frontend.min.js", (FRONTEND / "govuk-frontend.min.js").read_bytes(), manifest
    )
    app_js = (ROOT / "static" / "js" / "app.mjs").read_text()
    app_js = app_js.replace("__GOVUK_FRONTEND__", manifest["govuk-frontend.min.js"])
    fingerprint("app.mjs", app_js.encode(), manifest)
    images = ROOT / "static" / "images"
    for image in sorted(path for path in images.rglob("*") if path.is_file()):
        fingerprint(f"images/{image.relative_to(images).as_posix()}", image.read_bytes(), manifest)
    (DIST / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
    print(f"built {len(manifest)} assets into {DIST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
