//! Validation errors with the reference's codes and messages.

mod graph_support;

use mediapipe_core::graph::CalculatorGraph;
use mediapipe_core::{ErrorKind, Status, StatusCode};

fn error(text: &str) -> Status {
    CalculatorGraph::from_text(text).err().expect("config should be rejected")
}

#[test]
fn unknown_calculator_is_a_runtime_error() {
    let e = error("node { calculator: 'SomeUnknownCalculator' input_stream: 'in' output_stream: 'out' }");
    assert!(e.message().contains("Unable to find Calculator \"SomeUnknownCalculator\""), "{}", e.message());
    assert!(e.message().starts_with("ValidatedGraphConfig Initialization failed.\n"));
    assert_eq!(e.kind(), ErrorKind::Failed);
}

#[test]
fn pass_through_with_mismatched_ports_is_a_value_error() {
    let e = error("node { calculator: 'PassThroughCalculator' input_stream: 'in' input_stream: 'in' output_stream: 'out' }");
    assert!(
        e.message().contains("Input and output streams to PassThroughCalculator must use matching tags and indexes."),
        "{}",
        e.message()
    );
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
}

#[test]
fn stream_produced_twice() {
    let e = error(
        "input_stream: 'in'
         node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'out' }
         node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'out' }",
    );
    assert_eq!(e.message(), "; Output Stream \"out\" defined twice.");
    assert_eq!(e.code(), StatusCode::Unknown);
    let graph_input = error("input_stream: 'in' node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'in' }");
    assert_eq!(graph_input.message(), "; Output Stream \"in\" defined twice.");
}

#[test]
fn unconnected_input_names_the_node() {
    let e = error("node { calculator: 'PassThroughCalculator' input_stream: 'nowhere' output_stream: 'out' }");
    assert_eq!(
        e.message(),
        "; Input Stream \"nowhere\" for node with sorted index 0 name PassThroughCalculator \
         does not have a corresponding output stream."
    );
    assert_eq!(e.kind(), ErrorKind::Failed);
}

#[test]
fn bad_tag_index_name_syntax() {
    for bad in ["In", "A:B:C:d", "TAG:01:x", "lower:x", "TAG:"] {
        let e =
            error(&format!("input_stream: 'in' node {{ calculator: 'PassThroughCalculator' input_stream: '{bad}' output_stream: 'out' }}"));
        assert!(e.message().contains(&format!("TAG:index:name is invalid, \"{bad}\"")), "{}", e.message());
        assert_eq!(e.code(), StatusCode::InvalidArgument);
    }
    let graph_level = error("input_stream: 'Bad'");
    assert!(graph_level.message().starts_with("TAG:index:name is invalid"));
}

#[test]
fn duplicate_index_and_gaps_are_rejected() {
    let dup = error(
        "input_stream: 'a' input_stream: 'b'
         node { calculator: 'PassThroughCalculator' input_stream: 'X:0:a' input_stream: 'X:0:b' output_stream: 'X:0:c' output_stream: 'X:1:d' }",
    );
    assert_eq!(dup.code(), StatusCode::InvalidArgument);
    let gap = error("input_stream: 'a' node { calculator: 'PassThroughCalculator' input_stream: 'X:1:a' output_stream: 'X:1:c' }");
    assert!(gap.message().contains("not contiguous"), "{}", gap.message());
}

#[test]
fn side_packet_defined_twice() {
    let e = error(
        "node { calculator: 'StringToUint64Calculator' input_side_packet: 's' output_side_packet: 'n' }
         node { calculator: 'StringToUint64Calculator' input_side_packet: 't' output_side_packet: 'n' }",
    );
    assert_eq!(e.message(), "; Output Side Packet \"n\" defined twice.");
}

#[test]
fn cycles_need_back_edges() {
    let cyclic = "input_stream: 'in'
        node { name: 'a' calculator: 'PacketClonerCalculator' input_stream: 'loop' input_stream: 'in' output_stream: 'x' }
        node { name: 'b' calculator: 'PassThroughCalculator' input_stream: 'x' output_stream: 'loop' }";
    let e = error(cyclic);
    assert_eq!(e.message(), "; Generator side packet cycle or calculator stream cycle detected in graph: [a, b]");
    let marked = cyclic.replacen("output_stream: 'x' }", "output_stream: 'x' input_stream_info { tag_index: ':0' back_edge: true } }", 1);
    CalculatorGraph::from_text(&marked).expect("a marked back edge is allowed");
}

#[test]
fn calculator_contracts_are_checked() {
    let gate = error(
        "input_stream: 'in' input_stream: 'a'
         node { calculator: 'GateCalculator' input_stream: 'in' input_stream: 'ALLOW:a' input_side_packet: 'DISALLOW:d' output_stream: 'out' }",
    );
    assert!(gate.message().contains("GateCalculator: Only one of ALLOW and DISALLOW"), "{}", gate.message());
    let limiter = error("input_stream: 'in' node { calculator: 'FlowLimiterCalculator' input_stream: 'in' output_stream: 'out' }");
    assert!(limiter.message().contains("FINISHED"));
    let s2i = error("node { calculator: 'StringToUint64Calculator' }");
    assert_eq!(s2i.code(), StatusCode::InvalidArgument);
}

#[test]
fn several_node_errors_are_combined() {
    let e = error(
        "node { calculator: 'NopeA' }
         node { calculator: 'NopeB' }",
    );
    assert_eq!(e.code(), StatusCode::NotFound);
    assert!(e.message().contains("\"NopeA\"") && e.message().contains("\"NopeB\""));
}

#[test]
fn executors_and_input_stream_handlers_are_checked() {
    let undeclared =
        error("input_stream: 'in' node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'out' executor: 'pool' }");
    assert_eq!(undeclared.message(), "; The executor \"pool\" is not declared in an ExecutorConfig.");
    assert_eq!(undeclared.code(), StatusCode::InvalidArgument);
    let reserved = error("executor { name: 'default' }");
    assert_eq!(reserved.message(), "; \"default\" is a reserved executor name.");
    CalculatorGraph::from_text(
        "executor { name: 'pool' } input_stream: 'in'
         node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'out' executor: 'pool' }",
    )
    .unwrap();
    let handler = error(
        "input_stream: 'in' node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'out'
           input_stream_handler { input_stream_handler: 'SyncSetInputStreamHandler' } }",
    );
    assert_eq!(handler.code(), StatusCode::Unimplemented);
    assert_eq!(handler.kind(), ErrorKind::Unimplemented);
    CalculatorGraph::from_text(
        "input_stream: 'in' input_stream_handler { input_stream_handler: 'ImmediateInputStreamHandler' }
         node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'out' }",
    )
    .unwrap();
}
