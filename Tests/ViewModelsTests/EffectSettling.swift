import Foundation
import Testing
import ViewModels

/// Runs `effects` with the real runner and feeds each answer back into `update` until no
/// effect is left: what the console's loop does between key presses, without a terminal.
func settle(_ state: inout AppState, _ effects: [Effect], _ runner: EffectRunner, now: Date)
    async throws
{
    var queue = effects
    var steps = 0
    while !queue.isEmpty {
        steps += 1
        try #require(steps < 100, "effects never settled")
        let effect = queue.removeFirst()
        queue += state.update(await runner.run(effect), now: now)
    }
}
