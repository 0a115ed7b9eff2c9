"""Debian's Chromium, and the flags that keep it quiet on a machine with no outside network.

Playwright cannot download its own browser here, so tests and the benchmark both launch the
system one. Without the background-networking flags Chromium keeps trying to reach Google.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
