"""Camera-like JPEG photos for sync tests and benches, the same bytes for the same seed.

A phone photo is larger than the 1600 px the sync down-scales to, smooth where
the scene is and grainy everywhere; ``photo(seed)`` makes a 2400 × 1800 one of
about 300 KB (quality 60), which the sync turns into a copy of about 225 KB.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image

PHOTO_SIZE = (2400, 1800)


def photo(seed: int, size: tuple[int, int] = PHOTO_SIZE, quality: int = 60) -> bytes:
    """A JPEG of soft colour patches with film grain (~300 KB at the default size)."""
    rng = random.Random(seed)
    patches = Image.frombytes("RGB", (48, 36), rng.randbytes(48 * 36 * 3))
    scene = patches.resize(size, Image.Resampling.BICUBIC)
    half = (size[0] // 2, size[1] // 2)
    grain = Image.frombytes("L", half, rng.randbytes(half[0] * half[1])).resize(size)
    image = Image.blend(scene, Image.merge("RGB", (grain, grain, grain)), 8 / 255)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def write_photos(folder: Path, count: int, first_seed: int = 1) -> list[Path]:
    """``count`` different photos as ``anh-N.jpg`` files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"anh-{n + 1}.jpg"
        path.write_bytes(photo(first_seed + n))
        paths.append(path)
    return paths
