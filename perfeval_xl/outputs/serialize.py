"""The model as plain JSON-able data, every value with its cell.

Used by ``perfeval check --json`` and the machine-readable outputs. Pure
functions over the model (no I/O).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from perfeval_xl.model import CellRef, Sourced


def to_data(obj: Any) -> Any:
    """Dataclasses → dicts, ``Sourced`` → {value, raw, cell, …}, enums → values,
    dates → ISO 8601 text."""
    if isinstance(obj, Sourced):
        out: dict[str, Any] = {"value": to_data(obj.value), "raw": obj.raw, "cell": str(obj.ref) if obj.ref else None}
        if obj.formula:
            out["formula"] = "=" + obj.formula
        if obj.unit:
            out["unit"] = obj.unit
        if obj.decimals is not None:
            out["decimals"] = obj.decimals
        return out
    if isinstance(obj, CellRef):
        return str(obj)
    if isinstance(obj, (_dt.date, _dt.time)):
        return None if obj == _dt.date.min else obj.isoformat()  # date.min: "on or before", no first day
    if isinstance(obj, Enum):
        return obj.value
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_data(v) for k, v in obj.items()}
    if isinstance(obj, float) and obj.is_integer():
        return int(obj)
    return obj

