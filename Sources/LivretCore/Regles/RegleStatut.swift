/// How an inscription's status may change: inscrit → en cours → terminé | abandon.
public enum RegleStatut {
    /// Checks a status change in the normal course of a parcours.
    ///
    /// - An abandon needs its motif.
    /// - « Terminé » is the formateur's decision; when the parcours' critère d'achèvement is not
    ///   met, it needs a motif saying why (kept with the status and shown wherever it is).
    public static func verifierPassage(de actuel: StatutInscription, vers statut: StatutInscription, motif: String?,
                                       critere: CritereAchevement?) throws(ErreurRegle) {
        guard actuel.suivants.contains(statut) else {
            throw ErreurRegle("passer de « \(actuel.libelle) » à « \(statut.libelle) » n'est pas possible. "
                              + "Si le statut actuel est une erreur, corrigez-le avec --correction et un --motif.",
                              interface: "passer de « \(actuel.libelle) » à « \(statut.libelle) » n'est pas possible. "
                              + "Si le statut actuel est une erreur, corrigez-le : touche x sur la personne, avec un motif.")
        }
        let motifDonne = !(motif ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        if statut == .abandon && !motifDonne {
            throw ErreurRegle("un abandon demande un motif (--motif).", interface: "un abandon demande un motif : écrivez-le dans le champ Motif.")
        }
        if statut == .termine, let critere, !critere.atteint, !motifDonne {
            throw ErreurRegle("le critère d'achèvement n'est pas atteint (\(critere.raison ?? "")) : donnez le motif qui justifie « terminé » avec --motif, ou attendez.",
                              interface: "le critère d'achèvement n'est pas atteint (\(critere.raison ?? "")) : écrivez dans le champ Motif ce qui justifie « terminé », ou attendez.")
        }
    }

    /// Checks a correction of a status recorded by mistake: any other status, with a motif
    /// (the history keeps both steps).
    public static func verifierCorrection(de actuel: StatutInscription, vers statut: StatutInscription, motif: String?) throws(ErreurRegle) {
        guard statut != actuel else { throw ErreurRegle("le statut est déjà « \(statut.libelle) ».") }
        guard !(motif ?? "").trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ErreurRegle("une correction de statut demande un motif (--motif) : ce qui était faux.",
                              interface: "une correction de statut demande un motif : écrivez ce qui était faux dans le champ Motif.")
        }
    }
}

extension Catalogue {
    /// Checks that evidence may target `code` of `referentiel`: an APTIC item of the nomenclature
    /// in use (``aptic``) or of another loaded variant, not retired, or a Pix competence. The CLI, the terminal UI and
    /// imports accept exactly this set.
    public func verifierCible(_ referentiel: ReferentielCible, _ code: String) throws(ErreurRegle) {
        switch referentiel {
        case .aptic:
            // The nomenclature in use decides (an item its variant retires is refused); an item only
            // another loaded variant knows is accepted, as evidence recorded elsewhere may name it.
            let referentiels = [aptic] + variantes.filter { $0.entete.code != varianteAdoptee }
                .compactMap { try? aptic(variante: $0.entete.code).referentiel }
            let items = aptic.item(code).map { [$0] } ?? referentiels.compactMap { $0.item(code) }
            guard !items.isEmpty else {
                throw ErreurRegle("l'item APTIC « \(code) » n'existe pas. Voir « livret referentiel montrer aptic ».")
            }
            guard items.contains(where: { !$0.estRetire }) else {
                throw ErreurRegle("l'item APTIC « \(code) » est retiré du référentiel : rattachez la preuve à l'item qui le remplace.")
            }
        case .pix:
            guard pix.competence(code) != nil else {
                throw ErreurRegle("la compétence Pix « \(code) » n'existe pas (de 1.1 à 5.2).")
            }
        }
    }
}

extension Catalogue {
    /// Checks a Pix level given for `competence` (a positionnement, a certification typed in):
    /// a known competence, a level within the référentiel's bounds.
    public func verifierNiveauPix(_ competence: String, _ niveau: Int) throws(ErreurRegle) {
        try verifierCible(.pix, competence)
        guard (pix.niveaux.min...pix.niveaux.max).contains(niveau) else {
            throw ErreurRegle("niveau Pix \(niveau) pour \(competence) : les niveaux vont de \(pix.niveaux.min) à \(pix.niveaux.max).")
        }
    }
}
