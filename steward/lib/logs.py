"""Logging filters that keep the server's log to one line per thing that happened."""

from __future__ import annotations

import logging

from django.tasks.base import TaskResultStatus


class TaskDoneOnly(logging.Filter):
    """Django logs each task twice, when it starts and when it ends: keep the end."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        return not (len(args) == 3 and args[2] == TaskResultStatus.RUNNING)
