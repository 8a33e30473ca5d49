// survey-core ships its locale bundles without types; importing one only registers its strings.
declare module "survey-core/i18n/*";
