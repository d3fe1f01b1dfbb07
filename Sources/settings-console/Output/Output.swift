import Foundation

/// The command line's only way to the terminal: results on standard output, notes and
/// failures on standard error. Both take `PrintableText`, so nothing from outside reaches a
/// terminal without passing the console's sanitiser (or, for `--json`, `JSONText`).
enum Output {
    /// A verb's result (a table, a sentence or JSON) on standard output.
    static func result(_ text: PrintableText) {
        write(text, to: .standardOutput)
    }

    /// A progress line of a long step (the demo's cluster), prefixed with the program's name.
    static func note(_ text: PrintableText) {
        write("settings-console: \(text)", to: .standardError)
    }

    /// Text for standard error as it is: a failure's message, help shown instead of a verb.
    static func diagnostic(_ text: PrintableText) {
        write(text, to: .standardError)
    }

    /// A closed pipe (`| head`) is not worth a crash: there is no one left to tell.
    private static func write(_ text: PrintableText, to handle: FileHandle) {
        try? handle.write(contentsOf: Data((text.text + "\n").utf8))
    }
}
