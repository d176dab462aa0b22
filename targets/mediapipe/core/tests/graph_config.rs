//! Config parsing (text, binary, options) and `ValidatedGraphConfig`.

mod graph_support;

use graph_support::PASS_THROUGH;
use mediapipe_core::graph::{CalculatorGraph, GraphConfig, ValidatedGraphConfig, proto};
use mediapipe_core::{ErrorKind, StatusCode};

#[test]
fn text_config_parses_into_typed_fields() {
    let config = GraphConfig::from_text(PASS_THROUGH).unwrap();
    assert_eq!(config.input_streams, vec!["in"]);
    assert_eq!(config.output_streams, vec!["out"]);
    assert_eq!(config.max_queue_size, 1);
    assert_eq!(config.nodes.len(), 1);
    assert_eq!(config.nodes[0].calculator, "PassThroughCalculator");
    assert_eq!(config.nodes[0].input_streams, vec!["in"]);
}

#[test]
fn binary_config_round_trips_and_text_config_is_debug_string_like() {
    let graph = CalculatorGraph::from_text(PASS_THROUGH).unwrap();
    let bytes = graph.binary_config();
    let again = GraphConfig::from_binary(&bytes).unwrap();
    assert_eq!(again.nodes[0].output_streams, vec!["out"]);
    assert_eq!(again.max_queue_size, 1);
    let text = graph.text_config();
    println!("{text}");
    assert!(text.contains("node {\n  calculator: \"PassThroughCalculator\""), "{text}");
    assert_eq!(
        text,
        "node {\n  calculator: \"PassThroughCalculator\"\n  input_stream: \"in\"\n  \
         output_stream: \"out\"\n}\ninput_stream: \"in\"\nmax_queue_size: 1\nexecutor {\n}\n\
         output_stream: \"out\"\n"
    );
    let reparsed = CalculatorGraph::from_text(&text).unwrap();
    assert_eq!(reparsed.binary_config(), bytes);
}

#[test]
fn binary_file_loading_and_errors() {
    let path = std::env::temp_dir().join(format!("mp_graph_{}.binarypb", std::process::id()));
    let graph = CalculatorGraph::from_text(PASS_THROUGH).unwrap();
    std::fs::write(&path, graph.binary_config()).unwrap();
    let loaded = CalculatorGraph::new(path.to_str(), None, None).unwrap();
    assert_eq!(loaded.max_queue_size(), 1);
    std::fs::write(&path, b"\xff\xff\xff garbage").unwrap();
    let err = CalculatorGraph::from_binary_file(path.to_str().unwrap()).err().unwrap();
    assert_eq!(err.message(), format!("Failed to parse the binary graph: {}", path.display()));
    assert_eq!(err.kind(), ErrorKind::Failed);
    std::fs::remove_file(&path).unwrap();
    let missing = CalculatorGraph::new(Some("/nonexistent/abc.binarypb"), Some("x"), None).err().unwrap();
    assert_eq!(missing.message(), "The path does not exist: /nonexistent/abc.binarypb");
    assert_eq!(missing.kind(), ErrorKind::FileNotFound);
}

#[test]
fn bad_text_and_source_count_errors() {
    let err = CalculatorGraph::from_text("node { bogus_field: 1 }").err().unwrap();
    assert_eq!(err.message(), "Failed to parse: node { bogus_field: 1 }");
    assert_eq!(err.kind(), ErrorKind::Failed);
    let none = CalculatorGraph::new(None, None, None).err().unwrap();
    assert_eq!(none.code(), StatusCode::InvalidArgument);
    assert!(none.message().starts_with("Please provide one of the following"));
    let two = CalculatorGraph::new(None, Some(PASS_THROUGH), Some(&ValidatedGraphConfig::new())).err().unwrap();
    assert_eq!(two.code(), StatusCode::InvalidArgument);
}

#[test]
fn max_queue_size_defaults_to_100() {
    let graph = CalculatorGraph::from_text("input_stream: 'a'").unwrap();
    assert_eq!(graph.max_queue_size(), 100);
}

#[test]
fn options_extension_and_node_options_any_are_read() {
    let ext =
        GraphConfig::from_text("node { calculator: 'GateCalculator' options { [mediapipe.GateCalculatorOptions.ext] { allow: true } } }")
            .unwrap();
    let opts = ext.nodes[0].options("mediapipe.GateCalculatorOptions").unwrap().unwrap();
    assert_eq!(opts.get_field_by_name("allow").unwrap().as_bool(), Some(true));
    let any = GraphConfig::from_text(
        "node { calculator: 'GateCalculator' node_options { [type.googleapis.com/mediapipe.GateCalculatorOptions] { empty_packets_as_allow: true } } }",
    )
    .unwrap();
    let opts = any.nodes[0].options("mediapipe.GateCalculatorOptions").unwrap().unwrap();
    assert_eq!(opts.get_field_by_name("empty_packets_as_allow").unwrap().as_bool(), Some(true));
    assert!(any.nodes[0].options("mediapipe.FlowLimiterCalculatorOptions").unwrap().is_none());
}

#[test]
fn detection_proto_is_bundled_with_upstream_numbers() {
    let desc = proto::message_descriptor("mediapipe.Detection").unwrap();
    assert_eq!(desc.get_field_by_name("location_data").unwrap().number(), 4);
    assert_eq!(desc.get_field_by_name("timestamp_usec").unwrap().number(), 10);
    let loc = proto::message_descriptor("mediapipe.LocationData").unwrap();
    assert_eq!(loc.get_field_by_name("relative_keypoints").unwrap().number(), 5);
    assert!(!proto::file_descriptor_set_bytes().unwrap().is_empty());
}

#[test]
fn validated_graph_config_reports_registered_types() {
    let mut v = ValidatedGraphConfig::new();
    assert!(!v.initialized());
    assert_eq!(v.text_config(), "");
    v.initialize(None, Some("node { calculator: 'StringToUint64Calculator' input_side_packet: 'string' output_side_packet: 'number' }"))
        .unwrap();
    assert!(v.initialized());
    assert_eq!(v.registered_side_packet_type_name("string").unwrap(), "string");
    assert_eq!(v.registered_side_packet_type_name("number").unwrap(), "uint64_t");
    let err = v.registered_stream_type_name("zzz").unwrap_err();
    assert_eq!(err.message(), "; Stream \"zzz\" is not defined in the config.");
    assert_eq!(err.code(), StatusCode::InvalidArgument);

    let mut p = ValidatedGraphConfig::new();
    p.initialize(None, Some(PASS_THROUGH)).unwrap();
    let any = p.registered_stream_type_name("in").unwrap_err();
    assert!(any.message().starts_with("; Unable to find the type for stream \"in\"."), "{}", any.message());
    assert_eq!(any.kind(), ErrorKind::Failed);
    let neither = ValidatedGraphConfig::new().initialize(None, None).unwrap_err();
    assert_eq!(neither.code(), StatusCode::InvalidArgument);
}

#[test]
fn uninitialized_validated_config_gives_an_empty_graph() {
    let graph = CalculatorGraph::from_validated(&ValidatedGraphConfig::new()).unwrap();
    assert!(!graph.text_config().contains("node"));
    graph_support::within(20, move || {
        graph.start_run(Default::default()).unwrap();
        graph.close().unwrap();
    });
    let mut v = ValidatedGraphConfig::new();
    v.initialize(None, Some(PASS_THROUGH)).unwrap();
    let from_v = CalculatorGraph::new(None, None, Some(&v)).unwrap();
    assert_eq!(from_v.binary_config(), v.binary_config());
}

#[test]
fn text_config_prints_extensions_and_any_and_reparses() {
    let source = "input_stream: 'in'
        node { calculator: 'GateCalculator' input_stream: 'in' output_stream: 'out'
               options { [mediapipe.GateCalculatorOptions.ext] { allow: true } }
               node_options { [type.googleapis.com/mediapipe.FlowLimiterCalculatorOptions] { max_in_queue: 3 } } }";
    let graph = CalculatorGraph::from_text(source).unwrap();
    let text = graph.text_config();
    assert!(text.contains("  options {\n    [mediapipe.GateCalculatorOptions.ext] {\n      allow: true\n    }\n  }\n"), "{text}");
    assert!(text.contains("[type.googleapis.com/mediapipe.FlowLimiterCalculatorOptions] {\n      max_in_queue: 3\n"), "{text}");
    let again = CalculatorGraph::from_text(&text).unwrap();
    assert_eq!(again.text_config(), text);
}
