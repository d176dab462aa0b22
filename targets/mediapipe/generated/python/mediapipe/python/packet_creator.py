"""Functions that create MediaPipe packets.

Most names are the native functions of ``_packet_creator``; ``create_image_frame``,
``create_image``, ``create_proto`` and ``create_proto_vector`` decide in Python
(copy or reference mode, format checks) and call the private native helpers.
"""

import warnings
from typing import Any, Optional

import numpy as np

from mediapipe.python._framework_bindings import _packet_creator
from mediapipe.python._framework_bindings import image as _image
from mediapipe.python._framework_bindings import image_frame as _image_frame
from mediapipe.python._framework_bindings import packet as _packet

Packet = _packet.Packet
Image = _image.Image
ImageFrame = _image_frame.ImageFrame
ImageFormat = _image_frame.ImageFormat

create_string = _packet_creator.create_string
create_bool = _packet_creator.create_bool
create_int = _packet_creator.create_int
create_int8 = _packet_creator.create_int8
create_int16 = _packet_creator.create_int16
create_int32 = _packet_creator.create_int32
create_int64 = _packet_creator.create_int64
create_uint8 = _packet_creator.create_uint8
create_uint16 = _packet_creator.create_uint16
create_uint32 = _packet_creator.create_uint32
create_uint64 = _packet_creator.create_uint64
create_float = _packet_creator.create_float
create_double = _packet_creator.create_double
create_int_array = _packet_creator.create_int_array
create_float_array = _packet_creator.create_float_array
create_int_vector = _packet_creator.create_int_vector
create_bool_vector = _packet_creator.create_bool_vector
create_float_vector = _packet_creator.create_float_vector
create_string_vector = _packet_creator.create_string_vector
create_image_vector = _packet_creator.create_image_vector
create_packet_vector = _packet_creator.create_packet_vector
create_string_to_packet_map = _packet_creator.create_string_to_packet_map
create_matrix = _packet_creator.create_matrix


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
                3,
            )
    return copy


def _check_same_format(data: Any, image_format: Optional[ImageFormat]) -> None:
    if image_format is not None and data.image_format != image_format:
        raise ValueError("The provided image_format doesn't match the one from the data arg.")


def create_image_frame(data: Any, *, image_format: Optional[ImageFormat] = None,
                       copy: Optional[bool] = None) -> Packet:
    """An ImageFrame packet from an ImageFrame (copied) or a numpy array.

    For an array, ``image_format`` is required; ``copy=None`` copies a writable
    array and references a read-only one (the packet then shares its memory).
    """
    if isinstance(data, ImageFrame):
        _check_same_format(data, image_format)
        if copy is not None and not copy:
            raise ValueError(
                "Creating ImageFrame packet by taking a reference of another ImageFrame "
                "object is not supported yet.")
        return _packet_creator._create_image_frame_from_image_frame(data)
    if image_format is None:
        raise ValueError("Please provide 'image_format' with 'data'.")
    mode = _pixel_mode(data, copy)
    return _packet_creator._create_image_frame_from_pixel_data(image_format, data, mode)


def create_image(data: Any, *, image_format: Optional[ImageFormat] = None,
                 copy: Optional[bool] = None) -> Packet:
    """An Image packet from an Image (copied) or a numpy array; see create_image_frame."""
    if isinstance(data, Image):
        _check_same_format(data, image_format)
        if copy is not None and not copy:
            raise ValueError(
                "Creating Image packet by taking a reference of another Image object is "
                "not supported yet.")
        return _packet_creator._create_image_from_image(data)
    if image_format is None:
        raise ValueError("Please provide 'image_format' with 'data'.")
    mode = _pixel_mode(data, copy)
    return _packet_creator._create_image_from_pixel_data(image_format, data, mode)


def create_proto(proto_message: Any) -> Packet:
    """A packet holding a protobuf message of a registered type (sent serialized)."""
    return _packet_creator._create_proto(proto_message.DESCRIPTOR.full_name,
                                         proto_message.SerializeToString())


def create_proto_vector(message_list: Any) -> Packet:
    """Not supported, as in the reference."""
    raise NotImplementedError('create_proto_vector is not implemented.')


_ = np  # numpy must be importable: the image creators take ndarrays
