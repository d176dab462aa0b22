import warnings
from typing import Any, Optional

import numpy as np

from mediapipe.python._framework_bindings import _packet_creator


def _pixel_mode(data: Any, copy: Optional[bool]) -> bool:
    """Decides copy (True) or reference (False) mode for a numpy array."""
    if copy is None:
        copy = bool(data.flags.writeable)
    if not copy:
        if not data.flags.c_contiguous:
            raise ValueError("Reference mode is unavailable if 'data' is not c_contiguous.")
        if data.flags.writeable:
            warnings.warn(
                "'data' is still writeable. Taking a reference of the data to create a "
                "packet is dangerous.",
                RuntimeWarning,
                4,
            )
    return copy


def _create_image_packet(cls: Any, from_object: Any, from_pixel_data: Any, data: Any,
                         image_format: Optional[ImageFormat], copy: Optional[bool]) -> Packet:
    """The rules shared by create_image_frame and create_image (``cls``: ImageFrame or Image)."""
    if isinstance(data, cls):
        if image_format is not None and data.image_format != image_format:
            raise ValueError("The provided image_format doesn't match the one from the data arg.")
        if copy is not None and not copy:
            raise ValueError(
                f"Creating {cls.__name__} packet by taking a reference of another {cls.__name__} "
                "object is not supported yet.")
        return from_object(data)
    if image_format is None:
        raise ValueError("Please provide 'image_format' with 'data'.")
    return from_pixel_data(image_format, data, _pixel_mode(data, copy))


def create_image_frame(data: Any, *, image_format: Optional[ImageFormat] = None,
                       copy: Optional[bool] = None) -> Packet:
    """An ImageFrame packet from an ImageFrame (copied) or a numpy array.

    For an array, ``image_format`` is required; ``copy=None`` copies a writable
    array and references a read-only one (the packet then shares its memory).
    """
    return _create_image_packet(ImageFrame, _packet_creator._create_image_frame_from_image_frame,
                                _packet_creator._create_image_frame_from_pixel_data, data, image_format, copy)


def create_image(data: Any, *, image_format: Optional[ImageFormat] = None,
                 copy: Optional[bool] = None) -> Packet:
    """An Image packet from an Image (copied) or a numpy array; see create_image_frame."""
    return _create_image_packet(Image, _packet_creator._create_image_from_image,
                                _packet_creator._create_image_from_pixel_data, data, image_format, copy)


def create_proto(proto_message: Any) -> Packet:
    """A packet holding a protobuf message of a registered type (sent serialized)."""
    return _packet_creator._create_proto(proto_message.DESCRIPTOR.full_name,
                                         proto_message.SerializeToString())


def create_proto_vector(message_list: Any) -> Packet:
    """Not supported, as in the reference."""
    raise NotImplementedError('create_proto_vector is not implemented.')


_ = np  # numpy must be importable: the image creators take ndarrays
