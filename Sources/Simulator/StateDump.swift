import Core
import Foundation

extension SimulatorState {
    /// The whole state as JSON bytes for `/_sim/state`: every lead (deleted ones with
    /// `"deleted": true`), notes, activities, appointments and users with their credentials.
    /// Written by hand (not JSONSerialization) so 100,000 leads dump in well under a second.
    /// `vendors` are added as further top-level fields (kind → that vendor's serialized state).
    public func dumpJSON() -> [UInt8] { dumpJSON(vendors: []) }

    func dumpJSON(vendors: [(String, [UInt8])]) -> [UInt8] {
        locked {
            var out = JSONWriter(capacity: 64 + leads.count * 600)
            out.beginObject()
            out.field("now", WireDate.formatTimestamp(clock()))
            out.key("users")
            out.beginArray()
            for user in users {
                out.beginObject()
                out.field("username", user.username)
                out.field("display_name", user.displayName)
                out.field("apikey", user.apiKey)
                out.field("token", user.token)
                out.endObject()
            }
            out.endArray()
            out.key("leads")
            out.beginArray()
            for lead in leads { write(lead, to: &out) }
            out.endArray()
            out.key("notes")
            out.beginArray()
            for lead in leads {
                for note in notesByLead[lead.id] ?? [] {
                    out.beginObject()
                    out.field("id", note.id)
                    out.field("lead_id", note.leadId)
                    out.field("leadslug", lead.slug)
                    out.field("note", note.text)
                    out.field("user", note.author)
                    out.field("note_created", WireDate.formatTimestamp(note.createdAt))
                    out.endObject()
                }
            }
            out.endArray()
            out.key("activities")
            out.beginArray()
            for lead in leads {
                for activity in activitiesByLead[lead.id] ?? [] {
                    out.beginObject()
                    out.field("id", activity.id)
                    out.field("lead_id", activity.leadId)
                    out.field("activity_type", activity.type)
                    out.field("activity", activity.text)
                    out.field("created", WireDate.formatTimestamp(activity.createdAt))
                    out.endObject()
                }
            }
            out.endArray()
            out.key("appointments")
            out.beginArray()
            for appointment in appointments {
                out.beginObject()
                out.field("id", appointment.id)
                out.field("lead_id", appointment.leadId)
                out.field("leadslug", leadIndex(id: appointment.leadId).map { leads[$0].slug } ?? "")
                out.field("appointment_date", WireDate.formatAppointment(appointment.start))
                out.field("appointment_to", WireDate.formatAppointment(appointment.end))
                out.field("appointment_note", appointment.note)
                out.field("appointment_status", appointment.status.rawValue)
                out.field("created_by", appointment.createdBy)
                out.endObject()
            }
            out.endArray()
            for (kind, json) in vendors {
                out.key(kind)
                out.raw(json)
            }
            out.endObject()
            return out.bytes
        }
    }

    private func write(_ lead: SimLead, to out: inout JSONWriter) {
        out.beginObject()
        out.field("id", lead.id)
        out.field("slug", lead.slug)
        out.field("first_name", lead.firstName)
        out.field("last_name", lead.lastName)
        out.field("name", lead.name)
        out.field("email", lead.email)
        out.field("phone", lead.phone)
        out.field("location", lead.location)
        out.field("message", lead.message)
        out.field("status", lead.status.rawValue)
        out.field("source", lead.source?.rawValue ?? "")
        out.field("owner", lead.owner)
        out.field("added_on", WireDate.formatTimestamp(lead.createdAt))
        out.field("updated_on", WireDate.formatTimestamp(lead.updatedAt))
        out.field("conversion", Int64(lead.conversion))
        out.field("deleted", lead.deleted)
        out.endObject()
    }

    /// The same dump as Foundation values (`/_sim/state` decoded): for in-process comparisons.
    public func dump() -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(dumpJSON()))) as? [String: Any] ?? [:]
    }

    static func userJSON(_ user: SimUser) -> [String: Any] {
        ["username": user.username, "display_name": user.displayName, "apikey": user.apiKey, "token": user.token]
    }
}
