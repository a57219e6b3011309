export type { RecipeCheckOptions, RecipeEnvironment, RecipeUnderTest, StartedRecipe } from "./describe-recipe.ts";
export { describeRecipe } from "./describe-recipe.ts";
export type { RecipeUserId } from "./recipe-contract.ts";
export type { RecipeProcess, RecipeProcessOptions } from "./start-recipe-process.ts";
export { startRecipeProcess } from "./start-recipe-process.ts";
