import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends one `DeliveryRequest` with Foundation's URLSession and reports what happened,
/// never throwing: every ending (answer, timeout, refusal) is an attempt worth recording.
///
/// Guards beyond URLSession's defaults: the whole exchange has one deadline (the
/// integration's timeout), redirects are followed only to the same host, at most
/// `ExternalText.bodyLimit` bytes of the answer are read, and no cookies or cache are kept.
public struct HTTPDelivery: Sendable {
    public let endpoints: DeliveryEndpoints

    public init(endpoints: DeliveryEndpoints = .fromEnvironment()) {
        self.endpoints = endpoints
    }

    /// The attempt's outcome, HTTP status and sanitised error, and how long it took.
    struct Result: Sendable {
        let outcome: DeliveryOutcome
        let status: Int?
        let error: String?
        let durationMS: Int
    }

    func send(_ request: DeliveryRequest) async -> Result {
        let (exchange, duration) = await Exchange.run(request)
        switch exchange {
        case .answered(let status, let body):
            let (outcome, error) = request.outcome(status: status, body: body)
            return Result(outcome: outcome, status: status, error: error, durationMS: duration)
        case .redirectRefused(let status, let target):
            return Result(
                outcome: .blocked, status: status,
                error:
                    "redirect to \(ExternalText.clean(target, limit: 80)) refused (another host)",
                durationMS: duration)
        case .timedOut:
            return Result(
                outcome: .timedOut, status: nil,
                error: "timed out after \(Int(request.timeout * 1000)) ms", durationMS: duration)
        case .failed(let reason):
            return Result(outcome: .unreachable, status: nil, error: reason, durationMS: duration)
        }
    }
}

/// One request's life on a session of its own, turned into a single answer.
private final class Exchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Ending: Sendable {
        case answered(status: Int, body: Data)
        case redirectRefused(status: Int, target: String)
        case timedOut
        case failed(String)
    }

    private let lock = NSLock()
    private let original: URL
    private var body = Data()
    private var status: Int?
    private var refusedRedirect: String?
    private var continuation: CheckedContinuation<(Ending, Int), Never>?
    /// Set when the request starts; the duration is taken when the ending is known, not
    /// when the waiting task next runs (a busy machine can delay that by seconds).
    private var started = Date()

    private init(original: URL) { self.original = original }

    static func run(_ request: DeliveryRequest) async -> (Ending, Int) {
        let exchange = Exchange(original: request.url)
        let configuration = URLSessionConfiguration.ephemeral
        // Only a backstop: on Linux URLSession drops the fraction of a timeout (0.3 s times
        // out at once), so the exact deadline is the timer below.
        let backstop = request.timeout.rounded(.up) + 1
        configuration.timeoutIntervalForRequest = backstop
        configuration.timeoutIntervalForResource = backstop
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(
            configuration: configuration, delegate: exchange, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var urlRequest = URLRequest(url: request.url, timeoutInterval: backstop)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body.isEmpty ? nil : request.body
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        let task = session.dataTask(with: urlRequest)
        return await withCheckedContinuation { continuation in
            exchange.lock.withLock {
                exchange.continuation = continuation
                exchange.started = Date()
            }
            task.resume()
            // The deadline answers at once: a cancelled task can take a while to wind down.
            DispatchQueue.global().asyncAfter(deadline: .now() + request.timeout) { [weak task] in
                exchange.finish(.timedOut)
                task?.cancel()
            }
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { status = (response as? HTTPURLResponse)?.statusCode }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let full = lock.withLock {
            body.append(data.prefix(ExternalText.bodyLimit - body.count))
            return body.count >= ExternalText.bodyLimit
        }
        // Enough to judge and quote; a hostile server must not fill memory.
        if full { dataTask.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) {
        if let target = request.url, OutboundPolicy.allowsRedirect(from: original, to: target) {
            completionHandler(request)
            return
        }
        lock.withLock { refusedRedirect = request.url?.host ?? "an unknown host" }
        completionHandler(nil)
    }

    /// Answers the waiting caller once; later endings (a cancelled task's) are dropped.
    func finish(_ ending: Ending) {
        let (continuation, started) = lock.withLock {
            defer { self.continuation = nil }
            return (self.continuation, self.started)
        }
        continuation?.resume(returning: (ending, Int(Date().timeIntervalSince(started) * 1000)))
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
    ) {
        let ending: Ending
        let (status, body, redirect) = lock.withLock { (self.status, self.body, refusedRedirect) }
        if let redirect {
            ending = .redirectRefused(status: status ?? 302, target: redirect)
        } else if let error, body.count < ExternalText.bodyLimit || status == nil {
            ending = Self.describe(error)
        } else if let status {
            ending = .answered(status: status, body: body)
        } else {
            ending = .failed("no HTTP answer")
        }
        finish(ending)
    }

    /// Network failures in our own words: the error's text is the library's, not ours to show.
    private static func describe(_ error: any Error) -> Ending {
        switch (error as NSError).code {
        case NSURLErrorTimedOut: return .timedOut
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
            return .failed("the host name does not resolve")
        case NSURLErrorCannotConnectToHost: return .failed("connection refused")
        case NSURLErrorNetworkConnectionLost: return .failed("the connection was closed early")
        case NSURLErrorNotConnectedToInternet: return .failed("no network")
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
            NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateHasUnknownRoot,
            NSURLErrorServerCertificateNotYetValid, NSURLErrorClientCertificateRejected:
            return .failed("TLS failed (certificate or handshake)")
        case NSURLErrorBadServerResponse: return .failed("the answer was not valid HTTP")
        default: return .failed("network error \((error as NSError).code)")
        }
    }
}
