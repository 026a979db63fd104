import LivretCore

/// The readable sheet of a parcours template.
enum AffichageParcours {
    static func fiche(_ modele: ModeleParcours, catalogue: Catalogue) -> String {
        var l: [String] = ["Parcours « \(modele.entete.titre) » (\(modele.code), version \(modele.entete.version))"]
        if let description = modele.entete.description { l.append(description) }
        if let porteur = modele.porteur { l.append(""); l.append("Porteur : \(porteur.nom)") }
        if !modele.partenaires.isEmpty {
            l.append("Partenaires :")
            l += modele.partenaires.map { "  - \($0.nom)\($0.role.map { " — \($0)" } ?? "")" }
        }
        if let finalite = modele.finalite { l.append("Finalité : \(finalite)") }
        if let publicVise = modele.publicVise { l.append(""); l.append("Public : \(publicVise.description)") }
        if !modele.prerequis.isEmpty {
            l.append("Prérequis :")
            l += modele.prerequis.map { "  - \($0)" }
        }
        let d = modele.duree
        l.append("")
        var duree = "Durée : \(Format.heures(d.heures))"
        if let semaines = d.semaines { duree += " sur \(Accord.nombre(semaines, "semaine"))" }
        if !d.jours.isEmpty { duree += " (\(d.jours.joined(separator: ", ")))" }
        if let periode = d.periode { duree += ", \(periode)" }
        l.append(duree)
        if let initial = d.heuresInitialementPrevues { l.append("  Prévu au départ : \(Format.heures(initial)).\(d.motifReduction.map { " \($0)" } ?? "")") }
        if let taille = modele.tailleGroupe { l.append("Groupe : \(Accord.nombre(taille, "personne"))") }
        l.append("")
        l.append("Étapes :")
        for (numero, etape) in modele.etapes.enumerated() {
            var ligne = "  \(numero + 1). \(etape.titre)"
            if let heures = etape.dureeHeures { ligne += " — \(Format.heures(heures))" }
            if let cout = etape.coutParApprenantEuros { ligne += " — \(Format.nombre(cout)) € par personne" }
            if let payeur = etape.prisEnChargePar { ligne += ", pris en charge par \(payeur)" }
            l.append(ligne)
            if let description = etape.description { l.append("     \(description)") }
            l += etape.pretextes.map { "     · \($0)" }
        }
        if !modele.objectifs.isEmpty {
            l.append("")
            l.append("Objectifs :")
            l += modele.objectifs.map { "  - \($0.libelle)" }
        }
        let regle = modele.regleDeCompletion
        l.append("")
        l.append("Critère d'achèvement : \(regle.libelle)\(inferee(regle.origine))")
        if !modele.avantages.isEmpty {
            l.append("Avantages : \(modele.avantages.map(\.libelle).joined(separator: " ; "))")
        }
        if !modele.freins.isEmpty {
            l.append("Freins repérés :")
            l += modele.freins.map { "  - \($0)" }
        }
        let cibles = modele.cibles
        l.append("")
        l.append("Compétences Pix visées\(inferee(cibles.origine)) :")
        for cible in cibles.pix {
            l.append("  \(cible.competence)  \(catalogue.pix.competence(cible.competence)?.titre ?? "?") — niveau \(cible.niveauVise)")
        }
        l.append("Items APTIC visés\(inferee(cibles.origine)) :")
        for code in cibles.aptic {
            l.append("  \(code.padding(toLength: 4, withPad: " ", startingAt: 0))\(catalogue.aptic.item(code)?.titre ?? "?")")
        }
        if let motif = cibles.motif { l.append("  (\(motif))") }
        if let bilan = modele.bilanPublie {
            l.append("")
            l.append("Bilan publié : \(Accord.nombre(bilan.certifiees, "certifiée")) sur \(bilan.effectif). « \(bilan.texte) »")
        }
        if let source = modele.entete.source { l.append(""); l.append("Source : \(source)") }
        return l.joined(separator: "\n")
    }

    private static func inferee(_ origine: ModeleParcours.Origine) -> String {
        origine == .inferee ? " [déduit par le projet]" : ""
    }
}
