extension CloserApp {
    /// Moves the list selection to a lead (as a jump would); false when the lead is not in the list.
    @discardableResult
    public func selectLead(id: Int64) -> Bool {
        list.select(leadId: id)
    }
}
