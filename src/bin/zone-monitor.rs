//! `zone-monitor`: the command-line companion of the widget.

fn main() {
    eprintln!("usage: zone-monitor <validate|claims|report> FILE");
    std::process::exit(2);
}
