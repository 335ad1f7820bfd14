import Core
import Foundation

extension SimulatorState {
    /// The whole state as JSON-ready values for `/_sim/state`: every lead (deleted ones with
    /// `"deleted": true`), notes, activities, appointments and users with their credentials.
    public func dump() -> [String: Any] {
        locked {
            let leadList = leads.map { lead -> [String: Any] in
                var item = LeadsAPI.listJSON(lead)
                item["location"] = lead.location
                item["message"] = lead.message
                item["updated_on"] = WireDate.formatTimestamp(lead.updatedAt)
                item["deleted"] = lead.deleted
                item["conversion"] = lead.conversion
                return item
            }
            var notes: [[String: Any]] = []
            var activities: [[String: Any]] = []
            for lead in leads {
                for note in notesByLead[lead.id] ?? [] {
                    notes.append([
                        "id": note.id, "lead_id": note.leadId, "leadslug": lead.slug, "note": note.text,
                        "user": note.author, "note_created": WireDate.formatTimestamp(note.createdAt),
                    ])
                }
                for activity in activitiesByLead[lead.id] ?? [] {
                    activities.append([
                        "id": activity.id, "lead_id": activity.leadId, "activity_type": activity.type,
                        "activity": activity.text, "created": WireDate.formatTimestamp(activity.createdAt),
                    ])
                }
            }
            let appointmentList = appointments.map { appointment -> [String: Any] in
                [
                    "id": appointment.id, "lead_id": appointment.leadId,
                    "leadslug": leadIndex(id: appointment.leadId).map { leads[$0].slug } ?? "",
                    "appointment_date": WireDate.formatAppointment(appointment.start),
                    "appointment_to": WireDate.formatAppointment(appointment.end),
                    "appointment_note": appointment.note, "appointment_status": appointment.status.rawValue,
                    "created_by": appointment.createdBy,
                ]
            }
            return [
                "now": WireDate.formatTimestamp(clock()),
                "users": users.map(Self.userJSON),
                "leads": leadList, "notes": notes, "activities": activities, "appointments": appointmentList,
            ]
        }
    }

    static func userJSON(_ user: SimUser) -> [String: Any] {
        ["username": user.username, "display_name": user.displayName, "apikey": user.apiKey, "token": user.token]
    }
}
