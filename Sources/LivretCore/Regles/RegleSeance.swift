/// What a séance and a presence may hold: one place for the bounds every front end checks.
public enum RegleSeance {
    /// A séance lasts from 1 minute to 10 hours.
    public static let dureeMinutes = 1...600

    /// Checks a séance's planned length.
    public static func verifierDuree(_ minutes: Int) throws(ErreurRegle) {
        guard dureeMinutes.contains(minutes) else {
            throw ErreurRegle("\(minutes) minutes : la durée d'une séance va de \(dureeMinutes.lowerBound) à \(dureeMinutes.upperBound) minutes.")
        }
    }

    /// Checks that a séance dated `date` may be added to `cohorte`: the cohort is open, and the day
    /// lies within its dates — unless `horsDates` says the formateur means it (a make-up session).
    public static func verifierDate(_ date: Jour, cohorte: Cohorte, horsDates: Bool) throws(ErreurRegle) {
        if cohorte.cloturee {
            throw ErreurRegle("la cohorte « \(cohorte.code) » est clôturée : on n'y ajoute plus de séance.")
        }
        guard !horsDates else {
            let avant = cohorte.debut.ajout(jours: -RegleDates.margeHorsDates)
            let apres = (cohorte.fin ?? cohorte.debut).ajout(jours: RegleDates.margeHorsDates)
            guard date >= avant, date <= apres else {
                throw ErreurRegle("le \(date.francais) est à plus d'un an des dates de la cohorte « \(cohorte.code) » : même avec --hors-dates, une séance de rattrapage se tient entre le \(avant.francais) et le \(apres.francais). Vérifiez la date.",
                                  interface: "le \(date.francais) est à plus d'un an des dates de la cohorte « \(cohorte.code) » : une séance de rattrapage se tient entre le \(avant.francais) et le \(apres.francais). Vérifiez la date du jour.")
            }
            return
        }
        if date < cohorte.debut {
            throw ErreurRegle("le \(date.francais) est avant le début de la cohorte « \(cohorte.code) » (\(cohorte.debut.francais)). Vérifiez la date, ou confirmez avec --hors-dates.",
                              interface: "le \(date.francais) est avant le début de la cohorte « \(cohorte.code) » (\(cohorte.debut.francais)). Vérifiez la date, ou touche R : une séance de rattrapage.")
        }
        if let fin = cohorte.fin, date > fin {
            throw ErreurRegle("le \(date.francais) est après la fin prévue de la cohorte « \(cohorte.code) » (\(fin.francais)). Vérifiez la date, ou confirmez avec --hors-dates.",
                              interface: "le \(date.francais) est après la fin prévue de la cohorte « \(cohorte.code) » (\(fin.francais)). Vérifiez la date, ou touche R : une séance de rattrapage.")
        }
    }

    /// A roll call holds one line per person: the same identifier twice would count them twice.
    public static func verifierUneLigneParPersonne(_ identifiants: [String]) throws(ErreurRegle) {
        var vus: Set<String> = []
        for identifiant in identifiants where !vus.insert(identifiant).inserted {
            throw ErreurRegle("« \(RegleTexte.visible(identifiant, maximum: 40)) » apparaît deux fois dans l'appel : donnez une seule ligne par personne.")
        }
    }

    /// The minutes recorded for one presence: a person present stays the whole séance unless told
    /// otherwise, and never longer than the séance; absent or excused counts 0.
    ///
    /// - Parameters:
    ///   - statut: présent, excusé or absent.
    ///   - saisies: the minutes typed, if any.
    ///   - seance: the séance's planned length.
    ///   - qui: who, for the message.
    public static func minutesPresence(statut: StatutPresence, saisies: Int?, seance: Int, qui: String) throws(ErreurRegle) -> Int {
        guard statut == .present else {
            if let saisies, saisies != 0 {
                throw ErreurRegle("« \(qui) » est noté \(statut.libelle) : ne donnez pas de minutes (\(saisies)), ou notez-le présent.")
            }
            return 0
        }
        let minutes = saisies ?? seance
        guard (1...max(1, seance)).contains(minutes) else {
            throw ErreurRegle("\(minutes) minutes de présence pour « \(qui) » : la séance dure \(seance) minutes ; écrivez de 1 à \(seance).")
        }
        return minutes
    }
}

extension Cohorte {
    /// A cohort ends on or after the day it starts.
    public static func verifierDates(debut: Jour, fin: Jour?) throws(ErreurRegle) {
        if let fin, fin < debut { throw ErreurRegle("la fin (\(fin.francais)) est avant le début (\(debut.francais)).") }
    }
}
