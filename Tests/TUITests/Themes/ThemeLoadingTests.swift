import Testing

@testable import TUI

@Suite struct ThemeLoadingTests {
    /// A loader over an in-memory user theme directory.
    private func loader(userFiles: [String: String] = [:]) -> ThemeLoader {
        ThemeLoader(userThemesDirectory: "/home/u/.config/settings-console/themes") { path in
            userFiles[path]
        }
    }

    private func error(loading yaml: String, file: String = "themes/x.yaml") -> ThemeError? {
        do {
            _ = try ThemeLoader.shippedOnly.parse(yaml: yaml, file: file, name: "x")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["default", "high-contrast", "solarized-dark", "mono"])
    func everyShippedThemeLoads(name: String) throws {
        let theme = try ThemeLoader.shippedOnly.load(named: name)
        #expect(theme.name == name)
        #expect(ThemeLoader.shippedThemeNames.contains(name))
    }

    @Test func shippedThemesSetEveryRoleExplicitly() throws {
        for name in ThemeLoader.shippedThemeNames {
            let text = try #require(ShippedThemes.all[name])
            let document = try ThemeDocument.parse(yaml: text, file: "themes/\(name).yaml")
            let missing = StyleRole.allCases.filter { document.styles[$0] == nil }
            #expect(missing.isEmpty, "themes/\(name).yaml lacks \(missing.map(\.rawValue))")
        }
    }

    @Test func defaultKeepsTheTerminalBackground() throws {
        let theme = try ThemeLoader.shippedOnly.load(named: "default")
        #expect(theme.style(for: .body).background == .terminalDefault)
        #expect(theme.usesTerminalDefault)
        #expect(theme.style(for: .gaugeOK).foreground == .indexed(2))
        #expect(theme.style(for: .gaugeWarn).foreground == .indexed(3))
        #expect(theme.style(for: .gaugeCritical).foreground == .indexed(1))
    }

    @Test func monoHasNoColourAtAll() throws {
        let theme = try ThemeLoader.shippedOnly.load(named: "mono")
        for role in StyleRole.allCases {
            #expect(theme.style(for: role).foreground == .terminalDefault, "\(role)")
            #expect(theme.style(for: role).background == .terminalDefault, "\(role)")
        }
        #expect(theme.style(for: .selection).attributes.contains(.reverse))
        #expect(theme.style(for: .cursor).attributes.contains(.reverse))
        #expect(theme.style(for: .inputFocused).attributes != theme.style(for: .cursor).attributes)
    }

    @Test func solarizedUsesItsPalette() throws {
        let theme = try ThemeLoader.shippedOnly.load(named: "solarized-dark")
        #expect(theme.style(for: .body).background == .rgb(red: 0x00, green: 0x2B, blue: 0x36))
        #expect(theme.style(for: .dim).background == theme.style(for: .body).background)
    }

    @Test func brokenYAMLNamesTheFileAndLine() throws {
        let failure = try #require(error(loading: "palette:\n  a: [unclosed\nstyles: {"))
        guard case .invalidYAML(let detail) = failure.problem else {
            Issue.record("expected invalidYAML, got \(failure.problem)")
            return
        }
        #expect(failure.description.hasPrefix("themes/x.yaml: invalid YAML: "))
        #expect(detail.contains { $0.isNumber })
    }

    @Test func unknownColourNamesFileAndKeyPath() throws {
        let failure = try #require(error(loading: "styles:\n  gauge.ok: { fg: purpel }\n"))
        #expect(failure.file == "themes/x.yaml")
        #expect(failure.keyPath == "styles.gauge.ok.fg")
        #expect(
            failure.description == #"themes/x.yaml: styles.gauge.ok.fg: unknown colour "purpel""#)
    }

    @Test func unknownColourInNestedLayoutHasTheSamePath() throws {
        let failure = try #require(error(loading: "styles:\n  gauge:\n    ok:\n      fg: grean\n"))
        #expect(failure.keyPath == "styles.gauge.ok.fg")
        #expect(failure.problem == .unknownColour("grean", suggestion: "green"))
    }

    @Test func unknownRoleKeyIsAnError() throws {
        let failure = try #require(error(loading: "styles:\n  gauge.okay: { fg: red }\n"))
        #expect(failure.keyPath == "styles.gauge.okay")
        #expect(failure.problem == .unknownRole("gauge.okay", suggestion: "gauge.ok"))
        #expect(failure.description.contains(#"did you mean "gauge.ok"?"#))
    }

    @Test func unknownNestedRoleIsAnError() throws {
        let failure = try #require(error(loading: "styles:\n  health:\n    sick: { fg: red }\n"))
        #expect(failure.keyPath == "styles.health.sick")
    }

    @Test func unknownAttributeKeyIsAnError() throws {
        let failure = try #require(error(loading: "styles:\n  body: { fgg: red }\n"))
        #expect(failure.keyPath == "styles.body.fgg")
        #expect(failure.problem == .unknownKey("fgg", suggestion: "fg"))
    }

    @Test func badPaletteEntryNamesItsKey() throws {
        let failure = try #require(error(loading: "palette:\n  accent: \"#12345\"\n"))
        #expect(failure.keyPath == "palette.accent")
    }

    @Test func nonBooleanAttributeIsAnError() throws {
        let failure = try #require(error(loading: "styles:\n  title: { bold: very }\n"))
        #expect(failure.keyPath == "styles.title.bold")
        #expect(failure.problem == .wrongType(expected: "true or false"))
    }

    @Test func unknownTopLevelKeyIsAnError() throws {
        let failure = try #require(error(loading: "pallete:\n  a: red\n"))
        #expect(failure.problem == .unknownKey("pallete", suggestion: "palette"))
    }

    @Test func stylesMustBeAMapping() throws {
        let failure = try #require(error(loading: "styles: red\n"))
        #expect(failure.keyPath == "styles")
    }

    @Test func colourLiteralsParse() {
        #expect(ThemeColor(literal: "default") == .terminalDefault)
        #expect(ThemeColor(literal: "red") == .indexed(1))
        #expect(ThemeColor(literal: "bright-white") == .indexed(15))
        #expect(ThemeColor(literal: "brightBlue") == .indexed(12))
        #expect(ThemeColor(literal: "bright_red") == .indexed(9))
        #expect(ThemeColor(literal: "208") == .indexed(208))
        #expect(ThemeColor(literal: "#FFaf00") == .rgb(red: 255, green: 175, blue: 0))
        #expect(ThemeColor(literal: "256") == nil)
        #expect(ThemeColor(literal: "#fff") == nil)
        #expect(ThemeColor(literal: "purple") == nil)
    }

    @Test func missingRolesCopyTheirFallback() throws {
        let theme = try ThemeLoader.shippedOnly.parse(
            yaml:
                "styles:\n  body: { fg: white }\n  selection: { reverse: true }\n  flash.info: { fg: cyan }\n",
            file: "themes/x.yaml", name: "x")
        #expect(theme.style(for: .tabActive) == theme.style(for: .selection))
        #expect(theme.style(for: .bannerInfo).foreground == .indexed(6))
        #expect(theme.style(for: .gaugeOK) == theme.style(for: .body))
    }

    @Test func unsetColoursOfAWrittenRoleComeFromBody() throws {
        let theme = try ThemeLoader.shippedOnly.parse(
            yaml: "styles:\n  body: { fg: white, bg: blue }\n  title: { bold: true }\n",
            file: "themes/x.yaml", name: "x")
        #expect(
            theme.style(for: .title)
                == ResolvedStyle(
                    foreground: .indexed(7), background: .indexed(4), attributes: .bold))
    }

    @Test func userThemeOverridesShippedOne() throws {
        let path = "/home/u/.config/settings-console/themes/default.yaml"
        let theme = try loader(userFiles: [path: "styles:\n  body: { fg: magenta }\n"]).load(
            named: "default")
        #expect(theme.style(for: .body).foreground == .indexed(5))
    }

    @Test func userThemeCanExtendTheShippedThemeItReplaces() throws {
        let path = "/home/u/.config/settings-console/themes/default.yaml"
        let yaml = "extends: default\npalette:\n  ok: bright-green\n"
        let theme = try loader(userFiles: [path: yaml]).load(named: "default")
        #expect(theme.style(for: .gaugeOK).foreground == .indexed(10))
        #expect(theme.style(for: .gaugeWarn).foreground == .indexed(3))
    }

    @Test func userThemeErrorsNameTheUserFile() throws {
        let path = "/home/u/.config/settings-console/themes/mine.yaml"
        #expect(throws: ThemeError.self) {
            try loader(userFiles: [path: "styles:\n  body: { fg: nope }\n"]).load(named: "mine")
        }
        do {
            _ = try loader(userFiles: [path: "styles:\n  body: { fg: nope }\n"]).load(named: "mine")
        } catch {
            #expect(error.description.hasPrefix(path + ": styles.body.fg: "))
        }
    }

    @Test func extendsCycleIsAnError() throws {
        let directory = "/home/u/.config/settings-console/themes/"
        let files = [directory + "a.yaml": "extends: b\n", directory + "b.yaml": "extends: a\n"]
        do {
            _ = try loader(userFiles: files).load(named: "a")
            Issue.record("expected a cycle error")
        } catch {
            #expect(error.problem == .extendsCycle(["a", "b", "a"]))
        }
    }

    @Test func unknownThemeIsNotFound() throws {
        do {
            _ = try loader().load(named: "nope")
            Issue.record("expected notFound")
        } catch {
            guard case .notFound(let name, _) = error.problem else {
                Issue.record("expected notFound, got \(error.problem)")
                return
            }
            #expect(name == "nope")
        }
    }

    @Test(arguments: ["../etc/passwd", "/abs", ".hidden", "a/b", ""])
    func pathLikeNamesAreRefused(name: String) {
        #expect(!ThemeLoader.isValidName(name))
        #expect(throws: ThemeError.self) { try loader().load(named: name) }
    }
}
