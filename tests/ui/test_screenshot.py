"""missiondesk gui --screenshot: opens on the seed corpus, waits for loading, saves a picture, quits."""

import subprocess
import sys


def test_screenshot_of_the_window_on_the_seeds(tmp_path):
    out = tmp_path / "window.png"
    result = subprocess.run([sys.executable, "-m", "missiondesk", "gui", "--screenshot", str(out)],
                            capture_output=True, text=True, timeout=300,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
