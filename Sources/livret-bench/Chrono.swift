/// Timings with `ContinuousClock`, reported in French.
enum Chrono {
    static let horloge = ContinuousClock()

    static func secondes(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Runs `action` once and returns its duration in seconds.
    static func mesurer(_ action: () throws -> Void) rethrows -> Double {
        let debut = horloge.now
        try action()
        return secondes(horloge.now - debut)
    }

    /// Runs `action` `fois` times (after one warm-up) and returns the median and p95, in milliseconds.
    static func repeter(_ fois: Int, _ action: (Int) throws -> Void) rethrows -> (mediane: Double, p95: Double) {
        try action(-1)
        var mesures: [Double] = []
        for i in 0..<fois {
            mesures.append(try mesurer { try action(i) } * 1000)
        }
        mesures.sort()
        let p95 = mesures[min(mesures.count - 1, Int((Double(mesures.count) * 0.95).rounded(.up)) - 1)]
        let mediane = mesures.count % 2 == 1 ? mesures[mesures.count / 2]
            : (mesures[mesures.count / 2 - 1] + mesures[mesures.count / 2]) / 2
        return (mediane, p95)
    }
}

/// French number formatting without Foundation locales: "1 234 567", "3,14".
enum Nombre {
    static func entier(_ n: Int) -> String {
        let chiffres = String(abs(n))
        var resultat = ""
        for (i, c) in chiffres.enumerated() {
            if i > 0 && (chiffres.count - i) % 3 == 0 { resultat.append("\u{202F}") }
            resultat.append(c)
        }
        return (n < 0 ? "-" : "") + resultat
    }

    static func decimal(_ x: Double, _ decimales: Int = 1) -> String {
        var facteur = 1.0
        for _ in 0..<decimales { facteur *= 10 }
        let arrondi = (x * facteur).rounded() / facteur
        let entiere = Int(arrondi)
        guard decimales > 0 else { return entier(entiere) }
        var fraction = String(Int(((abs(arrondi) - Double(abs(entiere))) * facteur).rounded()))
        while fraction.count < decimales { fraction = "0" + fraction }
        return entier(entiere) + "," + fraction
    }
}
