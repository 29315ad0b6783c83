"""Files in the media storage written whole or not at all.

Django's FileSystemStorage writes to the final name as it goes, so a worker killed mid-write
would leave half a PDF or ZIP under a name that later counts as finished; it also renames a
second copy of an existing name. A content-addressed cache needs neither: write to a temporary
file beside the target and rename it over, which is atomic on one file system.
"""

import os
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage, storages


def save_atomically(name: str, data: bytes) -> str:
    """Store `data` under exactly `name` (replacing what is there) and return the name."""
    if not isinstance(storages["default"], FileSystemStorage):
        # Remote storages (S3 and the like) store one upload as one object: already all or
        # nothing. (So does the in-memory storage of the tests.)
        if default_storage.exists(name):
            default_storage.delete(name)
        return default_storage.save(name, ContentFile(data))
    target = Path(default_storage.path(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return name
