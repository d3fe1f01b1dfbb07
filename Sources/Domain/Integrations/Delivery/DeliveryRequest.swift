import Foundation

/// One HTTP request that delivers a test event, built from an integration's settings and
/// its opened credentials. Pure: each service's documented API is written down here once.
///
/// - webhook, custom: `POST` (or `PUT`) a JSON test event to `url`, with `auth_type`
///   `bearer` (default when credentials are stored), `basic` (`user:password`), `header`
///   (the credential in the `auth_header` header) or `none`, plus string `headers`.
/// - Slack: `chat.postMessage` to `channel_id` with the bot token as a bearer token.
/// - PagerDuty: Events API v2 `enqueue` of a `resolve` for a test dedup key: PagerDuty
///   accepts or refuses it for the routing key, and a resolve pages nobody.
/// - Sentry: an envelope holding one info event, to the project of the DSN.
/// - Datadog: `POST /api/v1/events` with the API key in `DD-API-KEY`.
/// The checker's quiet probes: Slack `auth.test`, Datadog `GET /api/v1/validate`.
public struct DeliveryRequest: Sendable {
    public let type: IntegrationType
    public let url: URL
    public let method: String
    public let headers: [String: String]
    public let body: Data
    public let timeout: TimeInterval
    /// Values that must never come back in a stored message (the credentials sent).
    let secrets: [String]

    public static let defaultTimeoutMS = 5000
    public static let timeoutRange = 100...30_000

    /// What the receiver sees: enough to recognise a test, nothing about the workspace's data.
    static func testEvent(_ summary: IntegrationHealth, at date: Date) -> [String: JSONValue] {
        [
            "event": .string("settings_console.test"),
            "message": .string("Test event from settings-console; no action needed"),
            "integration": .object([
                "id": .string(summary.id.description), "name": .string(summary.name),
                "type": .string(summary.type.rawValue),
            ]),
            "sent_at": .string(ISO8601DateFormatter().string(from: date)),
        ]
    }

    /// Builds the request, or says (as a refusal) why nothing can be sent.
    /// `quiet` is the periodic checker's probe: where a service documents a way to check the
    /// credentials without posting (Slack `auth.test`, Datadog `validate`), it is used, so a
    /// channel does not fill with a test message every few minutes.
    static func make(
        for stored: StoredIntegration, credentials: Secret?,
        endpoints: DeliveryEndpoints, now: Date, quiet: Bool = false
    ) -> Result<DeliveryRequest, DeliveryRefusal> {
        let config = stored.config
        let summary = stored.summary
        let timeoutMS: Int
        if case .number(let value)? = config["timeout_ms"], value.rounded() == value {
            timeoutMS = min(max(Int(value), timeoutRange.lowerBound), timeoutRange.upperBound)
        } else {
            timeoutMS = defaultTimeoutMS
        }
        let timeout = TimeInterval(timeoutMS) / 1000
        let secret = credentials?.revealed
        let event = testEvent(summary, at: now)
        let apiBase = config["api_url"]?.stringValue ?? endpoints.base(for: summary.type)

        func url(_ base: String?, _ path: String) throws(DeliveryRefusal) -> URL {
            guard let base, var components = URLComponents(string: base) else {
                throw DeliveryRefusal("no URL to deliver to")
            }
            components.path = components.path.trimmingSuffix("/") + path
            guard let url = components.url else { throw DeliveryRefusal("not a valid URL") }
            return url
        }
        func required(_ what: String) throws(DeliveryRefusal) -> String {
            guard let secret, !secret.isEmpty else {
                throw DeliveryRefusal("no credentials stored (\(what))")
            }
            // A line break in a header value would smuggle in headers of its own.
            guard !hasControlCharacters(secret) else {
                throw DeliveryRefusal("the credentials contain control characters (\(what))")
            }
            return secret
        }
        func json(_ value: [String: JSONValue]) -> Data {
            Data(JSONValue.object(value).jsonText.utf8)
        }

        do throws(DeliveryRefusal) {
            var headers = ["Content-Type": "application/json", "User-Agent": "settings-console"]
            let target: URL
            var method = "POST"
            var body: Data
            switch summary.type {
            case .webhook, .custom:
                guard let text = config["url"]?.stringValue, let parsed = URL(string: text) else {
                    throw DeliveryRefusal("no \"url\" to deliver to")
                }
                target = parsed
                if let wanted = config["method"]?.stringValue?.uppercased() {
                    guard ["POST", "PUT"].contains(wanted) else {
                        throw DeliveryRefusal("method must be POST or PUT")
                    }
                    method = wanted
                }
                for (name, value) in config["headers"]?.objectValue ?? [:] {
                    guard let value = value.stringValue,
                        !reservedHeaders.contains(name.lowercased())
                    else { continue }
                    guard isToken(name), !hasControlCharacters(value) else {
                        throw DeliveryRefusal(
                            "header \"\(Sanitized.short(name))\" is not a valid header")
                    }
                    headers[name] = value
                }
                let auth =
                    config["auth_type"]?.stringValue?.lowercased()
                    ?? (secret == nil ? "none" : "bearer")
                switch auth {
                case "none": break
                case "bearer":
                    headers["Authorization"] = "Bearer " + (try required("a bearer token"))
                case "basic":
                    headers["Authorization"] =
                        "Basic " + Data((try required("user:password")).utf8).base64EncodedString()
                case "header":
                    guard let name = config["auth_header"]?.stringValue, isToken(name),
                        !reservedHeaders.contains(name.lowercased())
                    else { throw DeliveryRefusal("auth_type header needs an \"auth_header\" name") }
                    headers[name] = try required("the \(name) header's value")
                default:
                    throw DeliveryRefusal("auth_type must be bearer, basic, header or none")
                }
                body = json(event)
            case .slack:
                guard let channel = config["channel_id"]?.stringValue else {
                    throw DeliveryRefusal("a Slack integration needs a \"channel_id\"")
                }
                target = try url(apiBase, quiet ? "/api/auth.test" : "/api/chat.postMessage")
                headers["Authorization"] = "Bearer " + (try required("a Slack bot token"))
                headers["Content-Type"] = "application/json; charset=utf-8"
                body =
                    quiet
                    ? json([:])
                    : json([
                        "channel": .string(channel),
                        "text": .string(
                            "Test message from settings-console for \(summary.name); no action needed"
                        ),
                    ])
            case .pagerduty:
                target = try url(apiBase, "/v2/enqueue")
                body = json([
                    "routing_key": .string(try required("an Events API v2 routing key")),
                    "event_action": .string("resolve"),
                    "dedup_key": .string("settings-console-test-\(summary.id)"),
                ])
            case .sentry:
                let dsn = try SentryDSN(try required("a Sentry DSN"))
                let base = config["api_url"]?.stringValue ?? dsn.origin ?? endpoints.sentry
                target = try url(base, "/api/\(dsn.projectID)/envelope/")
                headers["Content-Type"] = "application/x-sentry-envelope"
                headers["X-Sentry-Auth"] =
                    "Sentry sentry_version=7, sentry_client=settings-console/0.1, sentry_key=\(dsn.publicKey)"
                let eventID = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
                let lines: [JSONValue] = [
                    .object(["event_id": .string(eventID)]),
                    .object(["type": .string("event")]),
                    .object([
                        "event_id": .string(eventID), "level": .string("info"),
                        "platform": .string("other"),
                        "message": .string("Test event from settings-console; no action needed"),
                    ]),
                ]
                body = Data(lines.map(\.jsonText).joined(separator: "\n").utf8)
            case .datadog:
                target = try url(apiBase, quiet ? "/api/v1/validate" : "/api/v1/events")
                headers["DD-API-KEY"] = try required("a Datadog API key")
                if quiet {
                    method = "GET"
                    headers["Content-Type"] = nil
                }
                body =
                    quiet
                    ? Data()
                    : json([
                        "title": .string("settings-console test"),
                        "text": .string(
                            "Test event from settings-console for \(summary.name); no action needed"
                        ),
                        "alert_type": .string("info"),
                        "tags": .array([.string("source:settings-console")]),
                    ])
            }
            if let refusal = OutboundPolicy.refusal(for: target) {
                throw DeliveryRefusal(refusal)
            }
            return .success(
                DeliveryRequest(
                    type: summary.type, url: target, method: method, headers: headers, body: body,
                    timeout: timeout, secrets: [secret].compactMap { $0 }))
        } catch {
            return .failure(error)
        }
    }

    /// An HTTP header name (RFC 9110 token characters).
    public static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                        || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0))
            }
    }

    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Headers the transport sets itself; settings may not override them.
    static let reservedHeaders: Set<String> = [
        "host", "content-length", "transfer-encoding", "connection", "authorization",
    ]

    /// Reads the answer the way each service documents it: Slack says `"ok": false` with a
    /// 200; everything else is judged by its status.
    func outcome(status: Int, body: Data) -> (DeliveryOutcome, String?) {
        let text = ExternalText.clean(body, masking: secrets)
        switch status {
        case 200..<300:
            if type == .slack,
                let parsed = try? JSONValue.parse(
                    String(decoding: body, as: UTF8.self), field: "body"),
                case .bool(false)? = parsed["ok"]
            {
                let reason = ExternalText.clean(
                    parsed["error"]?.stringValue ?? "unknown error", masking: secrets)
                let transient = ["ratelimited", "service_unavailable", "request_timeout"]
                return (transient.contains(reason) ? .serverError : .rejected, "Slack: \(reason)")
            }
            return (.delivered, nil)
        case 408, 429, 500..<600: return (.serverError, text.isEmpty ? nil : text)
        default: return (.rejected, text.isEmpty ? nil : text)
        }
    }
}

/// Why a test delivery was not sent; recorded as a `blocked` attempt.
struct DeliveryRefusal: Error, Sendable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// The parts of a Sentry DSN (`https://KEY@o1.ingest.sentry.io/123`), or a bare key with
/// the project in the settings' `project_id`.
struct SentryDSN {
    let publicKey: String
    let projectID: String
    let origin: String?

    init(_ text: String) throws(DeliveryRefusal) {
        guard let components = URLComponents(string: text), let key = components.user,
            let host = components.host, let scheme = components.scheme
        else {
            throw DeliveryRefusal("the Sentry credentials must be a DSN (https://KEY@HOST/PROJECT)")
        }
        let project = components.path.split(separator: "/").last.map(String.init) ?? ""
        guard !project.isEmpty, project.allSatisfy(\.isNumber) else {
            throw DeliveryRefusal("the Sentry DSN names no project")
        }
        guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw DeliveryRefusal("the Sentry DSN's key must be letters and digits")
        }
        publicKey = key
        projectID = project
        origin = "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}

extension String {
    func trimmingSuffix(_ suffix: Character) -> String {
        var text = self
        while text.last == suffix { text.removeLast() }
        return text
    }
}
