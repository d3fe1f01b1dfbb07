// The Domain values the screens draw, re-exported one by one: the TUI imports ViewModels
// only, and so sees these and nothing else of Domain (no store, no policy; the view-models
// ask the policy and hand the screens its answers).
@_exported import struct Domain.AuditEntry
@_exported import struct Domain.BillingOverview
@_exported import enum Domain.Breaker
@_exported import enum Domain.Decision
@_exported import enum Domain.HealthStatus
@_exported import struct Domain.IntegrationDetail
@_exported import struct Domain.IntegrationDraft
@_exported import struct Domain.IntegrationHealth
@_exported import struct Domain.IntegrationHistory
@_exported import struct Domain.IntegrationStatus
@_exported import enum Domain.IntegrationType
@_exported import struct Domain.InvitationReceipt
@_exported import struct Domain.Member
@_exported import struct Domain.MemberCounts
@_exported import struct Domain.MemberQuery
@_exported import enum Domain.MemberStatus
@_exported import enum Domain.Plan
@_exported import struct Domain.PlanChangePreview
@_exported import enum Domain.Role
@_exported import struct Domain.SSHKeyRecord
@_exported import struct Domain.Session
@_exported import struct Domain.UsageMeter
@_exported import struct Domain.WorkspaceMembership
