/// The card on file, as far as the console may know it: brand and last four digits only.
public struct PaymentMethod: Sendable, Equatable, Codable, CustomStringConvertible {
    public let brand: String
    public let last4: String

    public init(brand: String, last4: String) {
        self.brand = brand
        self.last4 = last4
    }

    /// "Visa ending 4242".
    public var description: String {
        let name = brand.isEmpty ? "Card" : Sanitized.short(brand)
        return "\(name) ending \(Sanitized.short(last4))"
    }
}
