from typing import Any, List

from google.protobuf import message_factory  # type: ignore[import-untyped]
from google.protobuf import symbol_database  # type: ignore[import-untyped]

from mediapipe.python._framework_bindings import _packet_getter


def _message_class(type_name: str) -> Any:
    try:
        descriptor = symbol_database.Default().pool.FindMessageTypeByName(type_name)
    except KeyError as e:
        raise TypeError('Can not find message descriptor by type name: %s' % type_name) from e
    return message_factory.GetMessageClass(descriptor)


def get_proto(packet: Any) -> Any:
    """The protobuf message in ``packet``, as a new Python message."""
    message_class = _message_class(_packet_getter._get_proto_type_name(packet))
    proto_message = message_class()
    proto_message.ParseFromString(_packet_getter._get_serialized_proto(packet))
    return proto_message


def get_proto_list(packet: Any) -> List[Any]:
    """The messages of a vector-of-protos packet ([] when the vector is empty)."""
    if _packet_getter._get_proto_vector_size(packet) == 0:
        return []
    message_class = _message_class(_packet_getter._get_proto_vector_element_type_name(packet))
    return [message_class.FromString(b) for b in _packet_getter._get_serialized_proto_list(packet)]
