import Domain
import Foundation
import Testing

/// Where test deliveries may go: https (or plain http to this machine), never link-local or
/// cloud-metadata addresses, and redirects only to the same host.
@Suite struct OutboundPolicyTests {
    @Test(arguments: [
        "http://evil.example.com/hook", "ftp://example.com/x", "https://169.254.169.254/latest",
        "http://169.254.169.254/latest", "https://[fd00:ec2::254]/latest",
        "https://[fe80::1]/x", "https://[::ffff:169.254.169.254]/x", "https://0.0.0.0/x",
        "https://user:pass@example.com/x",
    ])
    func refused(_ text: String) throws {
        let url = try #require(URL(string: text))
        #expect(OutboundPolicy.refusal(for: url) != nil)
    }

    @Test(arguments: ["http://127.0.0.1:8080/hook", "http://localhost/x", "http://[::1]:9/x"])
    func allowed(_ text: String) throws {
        let url = try #require(URL(string: text))
        #expect(OutboundPolicy.refusal(for: url) == nil)
    }

    @Test func redirectsStayOnTheirHost() throws {
        let from = try #require(URL(string: "http://127.0.0.1:8080/a"))
        #expect(
            OutboundPolicy.allowsRedirect(
                from: from, to: try #require(URL(string: "http://127.0.0.1:8080/b"))))
        #expect(
            !OutboundPolicy.allowsRedirect(
                from: from, to: try #require(URL(string: "http://127.0.0.2:8080/b"))))
        #expect(
            !OutboundPolicy.allowsRedirect(
                from: from, to: try #require(URL(string: "https://evil.example.com/"))))
    }

    @Test func externalTextIsCleanedMaskedAndCapped() {
        let text = ExternalText.clean(
            "bad \u{1B}[31mred\u{1B}[0m\u{7}\n token=xoxb-SECRET-1 \u{202E}txt"
                + String(repeating: "y", count: 1000),
            masking: ["xoxb-SECRET-1"])
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        #expect(!text.contains("xoxb-SECRET-1"))
        #expect(text.contains("********"))
        #expect(text.unicodeScalars.count <= ExternalText.storedLimit + 1)
    }
}

/// Settings and credentials cannot smuggle headers into a test delivery.
@Suite struct DeliveryHeaderTests {
    @Test func headerNamesAreTokensAndValuesHaveNoLineBreaks() {
        #expect(DeliveryRequest.isToken("X-API-Version"))
        #expect(!DeliveryRequest.isToken("X-Evil\r\nHost"))
        #expect(!DeliveryRequest.isToken("X Space"))
        #expect(DeliveryRequest.hasControlCharacters("token\r\nX-Injected: 1"))
        #expect(!DeliveryRequest.hasControlCharacters("xoxb-123"))
    }
}
