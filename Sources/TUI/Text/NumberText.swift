/// Locale-independent number formatting, so snapshots and screens read the same everywhere.
public enum NumberText {
    /// `650000` as `650,000`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 {
                result.append(",")
            }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// Whole percent of `part` in `whole`, rounded down so 99.9% never reads as 100%.
    ///
    /// Returns `"<1%"` for a non-zero part below one percent, and `nil` when `whole` is not
    /// positive.
    public static func percent(_ part: Int, of whole: Int) -> String? {
        guard whole > 0 else { return nil }
        let value = Int((Double(part) * 100 / Double(whole)).rounded(.down))
        if part > 0, value < 1 {
            return "<1%"
        }
        return "\(value)%"
    }
}
