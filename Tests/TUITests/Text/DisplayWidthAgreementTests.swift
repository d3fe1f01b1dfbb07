import CNcurses
import Testing

@testable import TUI

#if canImport(Glibc)
    import Glibc
#endif

/// Checks the Swift width table against the C library the terminal side uses.
///
/// Disagreements shift a row on screen (the backend papers over them, see `CellGlyph`), so they
/// must stay rare: on glibc 2.36 the only one is U+1171E, whose category changed after Unicode 15.
@Suite struct DisplayWidthAgreementTests {
    @Test func agreesWithTheCLibraryOnAssignedCharacters() throws {
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { return }
        var disagreements: [String] = []
        for value in UInt32(0x20)...0x3_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .unassigned, .privateUse, .lineSeparator,
                .paragraphSeparator:
                continue
            default:
                break
            }
            let system = Int(cnc_wcwidth(wchar_t(bitPattern: value)))
            guard system >= 0 else { continue }
            let ours = DisplayWidth.of(scalar)
            if ours != system {
                disagreements.append(String(value, radix: 16) + ": \(ours) vs \(system)")
            }
        }
        #expect(disagreements.count <= 5, "\(disagreements.prefix(60))")
    }
}
