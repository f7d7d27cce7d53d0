"""Drive an interactive program on a real pseudo-terminal, like `expect`.

Usage: pty_expect.py STEPS_JSON -- COMMAND [ARGS...]

STEPS_JSON is a list of steps, each an object with one key:
  {"expect": TEXT}  wait (up to 60 s) until TEXT appears in the output after the
                    previous match; on a time-out, stop the program and exit 124
  {"send": TEXT}    type TEXT (use "\\r" for Enter, "\\u0003" for Ctrl-C, "\\u0004" for Ctrl-D)
  {"exec": ARGV}    run a command to completion (a second client, say)
  {"sleep": SECS}   wait
The terminal is 80x24. Prints everything the program wrote to the terminal and exits with its status.
Used by tests/connect.rs for the `dbiam connect` shell.
"""

import fcntl
import json
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time

out = b""


def pump(fd, timeout):
    global out
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    if not chunk:
        return False
    sys.stdout.buffer.write(chunk)
    sys.stdout.buffer.flush()
    out += chunk
    return True


def main():
    steps = json.loads(sys.argv[1])
    cmd = sys.argv[sys.argv.index("--") + 1 :]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    # A terminal of 24 rows and 80 columns (a new pty has none).
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    pos = 0
    alive = True
    for step in steps:
        if "expect" in step:
            want = step["expect"].encode()
            deadline = time.monotonic() + 60
            while True:
                i = out.find(want, pos)
                if i >= 0:
                    pos = i + len(want)
                    break
                if not alive or time.monotonic() > deadline:
                    sys.stderr.write(f"pty_expect: timed out waiting for {step['expect']!r}\n")
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    os.waitpid(pid, 0)
                    sys.exit(124)
                alive = pump(fd, 0.1)
        elif "send" in step:
            os.write(fd, step["send"].encode())
        elif "exec" in step:
            subprocess.run(step["exec"], check=True, stdout=subprocess.DEVNULL)
        elif "sleep" in step:
            end = time.monotonic() + step["sleep"]
            while time.monotonic() < end and alive:
                alive = pump(fd, 0.05)
    deadline = time.monotonic() + 30
    while alive and time.monotonic() < deadline:
        alive = pump(fd, 0.1)
    if alive:
        sys.stderr.write("pty_expect: the program did not exit\n")
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
