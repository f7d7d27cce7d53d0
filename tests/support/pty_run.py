"""Run a command on a real pseudo-terminal and answer its prompts, like `expect`.

Usage: pty_run.py SCRIPT_JSON -- COMMAND [ARGS...]

SCRIPT_JSON is a list of [prompt, answer] pairs: wait until the terminal shows
`prompt`, then type `answer` and Enter. Prints everything the command wrote to
the terminal (stdout and stderr share it) and exits with the command's status.
Used by tests/login.rs for `dbiam login --keys` and the MFA prompt, which read
from /dev/tty.
"""

import json
import os
import pty
import select
import sys
import time


def main():
    script = json.loads(sys.argv[1])
    cmd = sys.argv[sys.argv.index("--") + 1 :]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    seen = b""
    step = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if step < len(script) and script[step][0].encode() in seen[-4096:]:
            # Let the program switch echo off before typing, as a person would.
            time.sleep(0.3)
            os.write(fd, script[step][1].encode() + b"\n")
            seen = b""
            step += 1
            continue
        r, _, _ = select.select([fd], [], [], 0.1)
        if not r:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
        seen += chunk
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
