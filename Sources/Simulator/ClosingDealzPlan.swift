/// seed 002's workspace plans: "only workspaces with Basic Plan can use the API without limits".
public enum ClosingDealzPlan: String, Sendable, CaseIterable {
    case basic
    /// At most `ClosingDealzState.freePlanLimit` leads in the workspace.
    case free
}
