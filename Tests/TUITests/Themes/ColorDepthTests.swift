import Testing

@testable import TUI

@Suite struct ColorDepthTests {
    @Test(arguments: [
        (0, ColorDepth.monochrome), (2, .monochrome), (8, .ansi8), (16, .ansi16), (88, .ansi16),
        (256, .indexed256), (16_777_216, .indexed256),
    ])
    func depthFromColorCount(colors: Int, expected: ColorDepth) {
        #expect(ColorDepth(colorCount: colors) == expected)
    }

    @Test func defaultStaysDefaultAtEveryDepth() {
        for depth in ColorDepth.allCases {
            #expect(depth.nearest(to: .terminalDefault) == .terminalDefault)
        }
    }

    @Test func monochromeDropsColour() {
        #expect(ColorDepth.monochrome.nearest(to: .indexed(2)) == .terminalDefault)
        #expect(
            ColorDepth.monochrome.nearest(to: .rgb(red: 1, green: 2, blue: 3)) == .terminalDefault)
    }

    @Test func rgbMapsToTheCubeAt256() {
        #expect(
            ColorDepth.indexed256.nearest(to: .rgb(red: 0xFF, green: 0xAF, blue: 0x00))
                == .indexed(214))
        #expect(ColorDepth.indexed256.nearest(to: .rgb(red: 0, green: 0, blue: 0)) == .indexed(16))
        #expect(
            ColorDepth.indexed256.nearest(to: .rgb(red: 0x80, green: 0x80, blue: 0x80))
                == .indexed(244))
    }

    @Test func rgbMapsToNearestANSIColour() {
        #expect(
            ColorDepth.ansi16.nearest(to: .rgb(red: 0xFF, green: 0xAF, blue: 0x00)) == .indexed(3))
        #expect(
            ColorDepth.ansi16.nearest(to: .rgb(red: 0xFF, green: 0x00, blue: 0x00)) == .indexed(9))
        #expect(
            ColorDepth.ansi8.nearest(to: .rgb(red: 0xFF, green: 0x00, blue: 0x00)) == .indexed(1))
        #expect(
            ColorDepth.ansi8.nearest(to: .rgb(red: 0x00, green: 0x2B, blue: 0x36)) == .indexed(0))
    }

    @Test func brightColoursLoseBrightnessAtEight() {
        #expect(ColorDepth.ansi8.nearest(to: .indexed(9)) == .indexed(1))
        #expect(ColorDepth.ansi8.nearest(to: .indexed(15)) == .indexed(7))
        #expect(ColorDepth.ansi16.nearest(to: .indexed(9)) == .indexed(9))
    }

    @Test func paletteIndexesAboveTheDepthAreMapped() {
        #expect(ColorDepth.ansi16.nearest(to: .indexed(196)) == .indexed(9))
        #expect(ColorDepth.ansi8.nearest(to: .indexed(46)) == .indexed(2))
        #expect(ColorDepth.indexed256.nearest(to: .indexed(196)) == .indexed(196))
    }

    @Test func adaptedThemesOnlyUseAvailableColours() throws {
        for name in ThemeLoader.shippedThemeNames {
            let theme = try ThemeLoader.shippedOnly.load(named: name)
            for depth in ColorDepth.allCases {
                let adapted = theme.adapted(to: depth)
                for role in StyleRole.allCases {
                    let style = adapted.style(for: role)
                    for color in [style.foreground, style.background] {
                        switch color {
                        case .terminalDefault:
                            continue
                        case .indexed(let index):
                            #expect(Int(index) < depth.colorCount, "\(name) \(role) at \(depth)")
                        case .rgb:
                            Issue.record("\(name) \(role) still RGB at \(depth)")
                        }
                    }
                }
            }
        }
    }

    @Test func solarizedStaysReadableAtEightColours() throws {
        let theme = try ThemeLoader.shippedOnly.load(named: "solarized-dark").adapted(to: .ansi8)
        let body = theme.style(for: .body)
        #expect(body.foreground != body.background)
        let selection = theme.style(for: .selection)
        #expect(selection.foreground != selection.background)
    }
}
