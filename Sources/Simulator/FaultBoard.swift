import Foundation

/// One `FaultInjector` per vendor, so faults can hit one vendor or all (`/_sim/faults` `vendor`
/// field: a kind, or `all` / absent for every vendor).
final class FaultBoard: Sendable {
    let injectors: [VendorKind: FaultInjector]

    init(_ injectors: [VendorKind: FaultInjector]) { self.injectors = injectors }

    /// The injector of `kind`.
    func injector(_ kind: VendorKind) -> FaultInjector {
        injectors[kind] ?? FaultInjector()
    }

    /// The vendors a `vendor` value names: nil for an unknown name.
    static func kinds(named name: String?) -> [VendorKind]? {
        guard let name, !name.isEmpty, name != "all" else { return VendorKind.allCases }
        return VendorKind(rawValue: name).map { [$0] }
    }

    /// Applies `/_sim/faults` fields to the named vendors; a message for a bad value (nothing changes then).
    func apply(_ form: [String: String]) -> String? {
        guard let kinds = Self.kinds(named: form["vendor"]) else { return Self.unknownVendor(form["vendor"] ?? "") }
        var probe = FaultSettings()
        if let problem = probe.apply(form) { return problem }  // the values alone decide validity
        for kind in kinds { _ = injector(kind).apply(form) }
        return nil
    }

    /// `GET /_sim/faults`: one vendor's settings (with `vendor`), or seed 001's at the top level
    /// (as before vendors existed) plus `vendors` = kind → settings.
    func json(vendor: String?) -> [String: Any]? {
        if let vendor, !vendor.isEmpty, vendor != "all" {
            guard let kind = VendorKind(rawValue: vendor) else { return nil }
            var body = injector(kind).settings.json
            body["vendor"] = kind.rawValue
            return body
        }
        var body = injector(.leadsCRM).settings.json
        body["vendors"] = Dictionary(uniqueKeysWithValues: VendorKind.allCases.map { ($0.rawValue, injector($0).settings.json) })
        return body
    }

    static func unknownVendor(_ name: String) -> String {
        "vendor must be all or one of \(VendorKind.allCases.map(\.rawValue).joined(separator: ", ")); got '\(name)'."
    }
}
