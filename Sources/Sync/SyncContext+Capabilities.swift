import Core
import Foundation

/// The provider seen through the capability protocols its `capabilities` declare.
extension SyncContext {
    var capabilities: ProviderCapabilities { provider.capabilities }
    var puller: (any LeadPullingProvider)? { capable(.pullLeads) }
    var appointmentSource: (any AppointmentProvider)? { capable(.appointments) }
    var overviewSource: (any OverviewProvider)? { capable(.overview) }
    var pushTarget: (any LeadPushProvider)? { capable(.pushLeads) }

    /// Fields the remote keeps only in a lead's detail.
    var detailOnlyLeadFields: [String] { (provider as? any LeadUpdatingProvider)?.detailOnlyLeadFields ?? [] }

    /// The provider as `P` when it declares `feature` (nil otherwise).
    func capable<P>(_ feature: ProviderFeatures, as type: P.Type = P.self) -> P? {
        guard provider.capabilities.can(feature) else { return nil }
        return provider as? P
    }

    /// The provider as `P`, or a rejection naming what this remote cannot do.
    func require<P>(_ feature: ProviderFeatures, _ what: String, as type: P.Type = P.self) throws -> P {
        guard let found: P = capable(feature) else {
            throw SyncError.rejected(ValidationErrors(["request": ["The remote \"\(providerKey)\" cannot \(what)."]]))
        }
        return found
    }
}
