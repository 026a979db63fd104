extension LecteurJSON {
    /// Reads the Pix référentiel (`type: "pix"`), checking ranges, bands and codes.
    mutating func referentielPix(_ racine: [String: JSONValeur], entete: EnteteReferentiel) -> ReferentielPix? {
        let niveaux = reglesNiveaux(racine)
        let certifiabilite = certifiabilite(racine, niveaux: niveaux)
        let certification = certification(racine)
        var vus: [String: String] = [:]
        var domaines: [DomainePix] = []
        for (objetDomaine, chemin) in objets(racine, "domaines", "$") {
            let code = codeUnique(objetDomaine, chemin, vus: &vus, forme: .niveau)
            let titre = titre(objetDomaine, chemin)
            let couleur = chaine(objetDomaine, "couleur", chemin)
            if let couleur, !(couleur.count == 7 && couleur.hasPrefix("#") && couleur.dropFirst().allSatisfy(\.isHexDigit)) {
                signaler(.valeurInvalide, "\(chemin).couleur", "la couleur « \(couleur) » n'est pas de la forme #RRGGBB.", "Écrivez-la comme « #1A8C89 ».")
            }
            var competences: [CompetencePix] = []
            for (objetCompetence, cheminCompetence) in objets(objetDomaine, "competences", chemin) {
                let codeCompetence = codeUnique(objetCompetence, cheminCompetence, vus: &vus, forme: .sousTheme)
                if let code, let codeCompetence, !codeCompetence.hasPrefix(code + ".") {
                    signaler(.codeInvalide, "\(cheminCompetence).code", "la compétence « \(codeCompetence) » est rangée sous le domaine « \(code) ».",
                             "Son code doit commencer par « \(code). ».")
                }
                let titreCompetence = self.titre(objetCompetence, cheminCompetence)
                let description = self.titre(objetCompetence, cheminCompetence, cle: "description")
                if let codeCompetence, let titreCompetence, let description {
                    competences.append(CompetencePix(code: codeCompetence, titre: titreCompetence,
                                                     variantes: chaines(objetCompetence, "variantes", cheminCompetence),
                                                     description: description,
                                                     thematiques: chaines(objetCompetence, "thematiques", cheminCompetence),
                                                     libelleFacile: chaineFacultative(objetCompetence, "libelleFacile", cheminCompetence)))
                }
            }
            if let code, let titre, let couleur {
                domaines.append(DomainePix(code: code, titre: titre, variantes: chaines(objetDomaine, "variantes", chemin),
                                           couleur: couleur, competences: competences))
            }
        }
        guard let niveaux, let certifiabilite, let certification else { return nil }
        return ReferentielPix(entete: entete, niveaux: niveaux, certifiabilite: certifiabilite,
                              certification: certification, domaines: domaines)
    }

    private mutating func reglesNiveaux(_ racine: [String: JSONValeur]) -> ReferentielPix.ReglesNiveaux? {
        guard let objet = objet(racine["niveaux"], "$.niveaux") ?? manquantObjet(racine, "niveaux") else { return nil }
        let chemin = "$.niveaux"
        guard let min = entier(objet, "min", chemin), let max = entier(objet, "max", chemin),
              let pixParNiveau = entier(objet, "pixParNiveau", chemin), let ouvert = entier(objet, "niveauMaxOuvert", chemin)
        else { return nil }
        var correct = true
        if min < 0 || max <= min {
            signaler(.niveauHorsBornes, chemin, "les niveaux vont de \(min) à \(max).", "Le minimum doit être 0 ou plus et le maximum plus grand que le minimum.")
            correct = false
        }
        if ouvert < min || ouvert > max {
            signaler(.niveauHorsBornes, "\(chemin).niveauMaxOuvert", "le niveau maximum ouvert \(ouvert) sort des bornes \(min)–\(max).",
                     "Choisissez un niveau entre \(min) et \(max).")
            correct = false
        }
        if pixParNiveau <= 0 {
            signaler(.valeurInvalide, "\(chemin).pixParNiveau", "le nombre de pix par niveau doit être positif.", "Pix compte 8 pix par niveau.")
            correct = false
        }
        return correct ? .init(min: min, max: max, pixParNiveau: pixParNiveau, niveauMaxOuvert: ouvert) : nil
    }

    private mutating func certifiabilite(_ racine: [String: JSONValeur], niveaux: ReferentielPix.ReglesNiveaux?) -> ReferentielPix.Certifiabilite? {
        guard let objet = objet(racine["certifiabilite"], "$.certifiabilite") ?? manquantObjet(racine, "certifiabilite") else { return nil }
        let chemin = "$.certifiabilite"
        guard let competencesMin = entier(objet, "competencesMin", chemin), let niveauMin = entier(objet, "niveauMin", chemin) else { return nil }
        if let niveaux, niveauMin < niveaux.min || niveauMin > niveaux.max {
            signaler(.niveauHorsBornes, "\(chemin).niveauMin", "le niveau \(niveauMin) sort des bornes \(niveaux.min)–\(niveaux.max).",
                     "Choisissez un niveau entre \(niveaux.min) et \(niveaux.max).")
            return nil
        }
        return .init(competencesMin: competencesMin, niveauMin: niveauMin)
    }

    private mutating func certification(_ racine: [String: JSONValeur]) -> ReferentielPix.Certification? {
        guard let objet = objet(racine["certification"], "$.certification") ?? manquantObjet(racine, "certification") else { return nil }
        let chemin = "$.certification"
        let version = chaine(objet, "version", chemin)
        let scoreMax = entier(objet, "scoreMax", chemin)
        var paliers: [ReferentielPix.Palier] = []
        var attendu = 0
        for (objetPalier, cheminPalier) in objets(objet, "paliers", chemin) {
            guard let numero = entier(objetPalier, "palier", cheminPalier), let min = entier(objetPalier, "min", cheminPalier),
                  let max = entier(objetPalier, "max", cheminPalier), let libelle = titre(objetPalier, cheminPalier, cle: "libelle")
            else { continue }
            if min != attendu || max < min {
                signaler(.niveauHorsBornes, cheminPalier, "le palier \(numero) va de \(min) à \(max) ; on attend qu'il commence à \(attendu).",
                         "Les paliers se suivent sans trou ni chevauchement, de 0 au score maximum.")
            }
            attendu = max + 1
            paliers.append(.init(palier: numero, min: min, max: max, libelle: libelle))
        }
        if let scoreMax, attendu - 1 != scoreMax, !paliers.isEmpty {
            signaler(.niveauHorsBornes, "\(chemin).paliers", "le dernier palier s'arrête à \(attendu - 1), le score maximum est \(scoreMax).",
                     "Le dernier palier doit finir au score maximum.")
        }
        var code: ReferentielPix.CodeVerification?
        if let objetCode = self.objet(objet["codeVerification"], "\(chemin).codeVerification") ?? manquantObjet(objet, "codeVerification", chemin) {
            let cheminCode = "\(chemin).codeVerification"
            if let prefixe = chaine(objetCode, "prefixe", cheminCode), let alphabet = chaine(objetCode, "alphabet", cheminCode),
               let longueur = entier(objetCode, "longueur", cheminCode) {
                code = .init(prefixe: prefixe, alphabet: alphabet, longueur: longueur)
            }
        }
        guard let version, let scoreMax, let code else { return nil }
        return .init(version: version, scoreMax: scoreMax, paliers: paliers, codeVerification: code,
                     validiteIndicativeAnnees: entierFacultatif(objet, "validiteIndicativeAnnees", chemin),
                     certificationsComplementaires: chaines(objet, "certificationsComplementaires", chemin),
                     adresseVerification: chaineFacultative(objet, "adresseVerification", chemin))
    }

    /// Records a missing object field; always `nil`, to chain with `??`.
    mutating func manquantObjet(_ objet: [String: JSONValeur], _ cle: String, _ chemin: String = "$") -> [String: JSONValeur]? {
        if objet[cle] == nil {
            signaler(.champManquant, chemin, "le champ obligatoire « \(cle) » manque.", "Ajoutez \"\(cle)\" à cet objet (voir docs/REFERENTIELS.md).")
        }
        return nil
    }
}
