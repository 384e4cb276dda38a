#!/usr/bin/env python3
"""Hostile HTTP clients against a server, timed: what decided to keep kg's own HTTP layer (src/server/http.rs).

Usage: bench/http_hostile.py HOST:PORT [PATH]

Run it against `kg serve --client-timeout 1 --max-connections 4 --max-body 1K` and against a server built on
another HTTP library with the same settings (1 s timeout, 4 connections, 1 KiB bodies). Each scenario prints
what the server did and when:

1. trickle:   a request head sent one byte every 0.8 s for 12 s (slowloris). Good: 408 after ~1 s.
2. crowd:     4 idle connections (the cap), then a normal request. Good: answered (or 503) at once.
3. big-body:  `Content-Length: 100 GB`, body bytes trickled for 8 s. Good: 413 at once, before the body.
4. big-head:  a 200 KB header. Good: 431 at once.
5. alive:     a normal request at the end. Good: 200.
"""
import socket
import sys
import time

HOST, PORT = sys.argv[1].rsplit(":", 1)
PORT = int(PORT)
PATH = sys.argv[2] if len(sys.argv) > 2 else "/health"


def connect():
    s = socket.create_connection((HOST, PORT), timeout=30)
    return s


def status_of(data):
    try:
        return int(data.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None


def read_answer(s, timeout):
    s.settimeout(timeout)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            if b"\r\n\r\n" in data:
                break
    except (socket.timeout, ConnectionResetError, BrokenPipeError):
        pass
    return data


def trickle():
    s = connect()
    start = time.time()
    head = f"GET {PATH} HTTP/1.1\r\nHost: t\r\nX-Slow: " + "a" * 40
    answered = None
    for byte in head.encode():
        try:
            s.send(bytes([byte]))
        except (BrokenPipeError, ConnectionResetError):
            answered = "closed"
            break
        s.settimeout(0.8)
        try:
            data = s.recv(4096)
            answered = f"status {status_of(data)}" if data else "closed"
            break
        except socket.timeout:
            pass
        if time.time() - start > 12:
            break
    s.close()
    took = time.time() - start
    return f"{answered or 'still open, no answer'} after {took:.1f} s"


def crowd():
    idle = [connect() for _ in range(4)]
    time.sleep(0.2)
    start = time.time()
    s = connect()
    s.sendall(f"GET {PATH} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode())
    data = read_answer(s, 15)
    took = time.time() - start
    for c in idle:
        c.close()
    return f"status {status_of(data)} after {took:.2f} s"


def big_body():
    s = connect()
    start = time.time()
    s.sendall(
        f"POST {PATH} HTTP/1.1\r\nHost: t\r\nContent-Type: application/sparql-query\r\n"
        "Content-Length: 100000000000\r\n\r\n".encode()
    )
    answered = None
    while time.time() - start < 8:
        s.settimeout(0.5)
        try:
            data = s.recv(4096)
            answered = f"status {status_of(data)}" if data else "closed"
            break
        except socket.timeout:
            pass
        try:
            s.send(b"x" * 512)
        except (BrokenPipeError, ConnectionResetError):
            answered = "closed"
            break
    took = time.time() - start
    s.close()
    return f"{answered or 'no answer while the body kept coming'} after {took:.2f} s"


def big_head():
    s = connect()
    start = time.time()
    try:
        s.sendall(f"GET {PATH} HTTP/1.1\r\nHost: t\r\nX-Junk: {'a' * 200_000}\r\n\r\n".encode())
    except (BrokenPipeError, ConnectionResetError):
        pass
    data = read_answer(s, 10)
    return f"status {status_of(data)} after {time.time() - start:.2f} s"


def alive():
    s = connect()
    s.sendall(f"GET {PATH} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode())
    return f"status {status_of(read_answer(s, 10))}"


for name, scenario in [
    ("trickle", trickle),
    ("crowd", crowd),
    ("big-body", big_body),
    ("big-head", big_head),
    ("alive", alive),
]:
    print(f"{name:9} {scenario()}", flush=True)
