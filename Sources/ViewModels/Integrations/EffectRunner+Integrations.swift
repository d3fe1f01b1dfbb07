import Domain

extension EffectRunner {
    /// Runs an integration read or write with the runner's credential sealer.
    func run(_ effect: IntegrationEffect) async -> IntegrationAction {
        let sealer = self.sealer
        switch effect {
        case .loadList:
            return .listLoaded(await result { try await $0.integrations() })
        case .loadDetail(let id):
            return .detailLoaded(await result { try await $0.integration(id) })
        case .loadUsage:
            return .usageLoaded(await result { try await $0.integrationUsage() })
        case .loadForEdit(let id):
            return .editLoaded(await result { try await $0.integration(id) })
        case .add(let draft):
            return .saved(
                added: true, await result { try await $0.addIntegration(draft, sealer: sealer) })
        case .edit(let id, let draft, let version):
            return .saved(
                added: false,
                await result {
                    try await $0.editIntegration(id, draft, expected: version, sealer: sealer)
                })
        case .setEnabled(let id, let enabled, let version):
            return .toggled(
                await result { store in
                    enabled
                        ? try await store.enableIntegration(id, expected: version)
                        : try await store.disableIntegration(id, expected: version)
                })
        case .test(let id, let name):
            return .checked(
                name: name, await result { try await $0.testIntegration(id, sealer: sealer) })
        case .loadBreakers:
            return .breakersLoaded(
                await result { store in
                    Dictionary(
                        uniqueKeysWithValues: try await store.integrationStatuses()
                            .filter { $0.breaker != .closed }.map {
                                ($0.integration.id, $0.breaker)
                            })
                })
        case .loadManagers:
            return .managersLoaded(await result { try await $0.integrationManagers() })
        case .loadHistory(let id):
            return .historyLoaded(await result { try await $0.integrationHistory(id) })
        case .remove(let id, let name, let version):
            return .removed(
                name: name, await done { try await $0.removeIntegration(id, expected: version) })
        }
    }
}
