"""Byte-for-byte forwarding between TCP and Unix sockets, opened and cut by the tests to make
PostgreSQL or Kafka (un)reachable for one ingest process without touching the shared ones.

An endpoint is `tcp:HOST:PORT` or `unix:PATH`.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

Streams = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def connect(endpoint: str) -> Streams:
    kind, _, where = endpoint.partition(":")
    if kind == "unix":
        return await asyncio.open_unix_connection(where)
    host, _, port = where.rpartition(":")
    return await asyncio.open_connection(host, int(port))


class Bridge:
    def __init__(self, listen: str, target: str) -> None:
        self.listen = listen
        self.target = target
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        kind, _, where = self.listen.partition(":")
        if kind == "unix":
            Path(where).unlink(missing_ok=True)
            self._server = await asyncio.start_unix_server(self._handle, where)
        else:
            host, _, port = where.rpartition(":")
            self._server = await asyncio.start_server(self._handle, host, int(port))

    async def stop(self) -> None:
        """Stop listening and cut every open connection: the target looks down."""
        if self._server is None:
            return
        self._server.close()
        for writer in list(self._writers):
            writer.close()
        self._writers.clear()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._server.wait_closed(), 5)
        self._server = None
        kind, _, where = self.listen.partition(":")
        if kind == "unix":
            Path(where).unlink(missing_ok=True)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await connect(self.target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (OSError, asyncio.CancelledError):
                pass
            finally:
                dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers -= {writer, up_writer}


def tcp(port: int, host: str = "127.0.0.1") -> str:
    return f"tcp:{host}:{port}"
