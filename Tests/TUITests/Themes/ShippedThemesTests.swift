import Foundation
import Testing

@testable import TUI

/// `themes/*.yaml` is compiled in at build time (the EmbedThemes plugin), so the binary always
/// carries the files as they are; these are the themes the documentation promises.
@Suite struct ShippedThemesTests {
    @Test func requiredThemesShip() {
        for name in ["default", "high-contrast", "solarized-dark", "mono"] {
            #expect(ShippedThemes.all[name] != nil, "\(name)")
        }
    }
}
