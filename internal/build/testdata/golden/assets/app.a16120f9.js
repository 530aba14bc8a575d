import { greet } from "./lib.5222fbd7.js";
greet("fixture");
